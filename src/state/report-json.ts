import type { CaseDocument } from '../pipeline/analysis-json';
import { isBandLevel } from '../shared/chromosome-types';
import type { CaseSummary } from '../worker/analysis-api';
import { dbPut } from '../worker/case-db';
import type { CaseRecord, Decision } from './review-types';
import { caseStatus } from './review-types';
import { useAppStore } from './store';

/** formats.md's analysis document with each case's review appended (an extension, not a break). */
export interface ReviewDocument {
  readonly schema: 'homnet-review/analysis@1';
  readonly model: { readonly id: string; readonly sha256: string };
  readonly backend: string;
  readonly cases: readonly (CaseDocument & { readonly review: ReviewPart })[];
}

interface ReviewPart {
  readonly caseId: string;
  readonly status: string;
  readonly threshold: number;
  readonly exportedAt: string;
  readonly decisions: readonly Decision[];
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

export function caseDocumentOf(summary: CaseSummary): CaseDocument {
  return {
    case: summary.name,
    cells: summary.cells
      .filter((cell) => !cell.excluded)
      .map((cell) => ({
        id: cell.id,
        source: cell.source,
        chromosomes: cell.chromosomes,
        bandLevel: cell.bandLevel,
        bandLevelConfidence: round(cell.bandLevelConfidence, 3),
      })),
    types: summary.types.map((t) => ({
      ...t,
      score: t.score === null ? null : round(t.score),
      unreliable: t.unreliable ?? null,
      pairs: t.pairs.map((p) => ({ cell: p.cell, alpha: round(p.alpha) })),
      region: t.region ? { ...t.region, from: round(t.region.from, 3), to: round(t.region.to, 3) } : null,
    })),
    errors: summary.errors,
  };
}

export function reviewDocument(record: CaseRecord): ReviewDocument {
  const { summary } = record;
  return {
    schema: 'homnet-review/analysis@1',
    model: { id: summary.model.id, sha256: summary.model.sha256 },
    backend: summary.backend,
    cases: [
      {
        ...caseDocumentOf(summary),
        review: {
          caseId: record.id,
          status: caseStatus(record),
          threshold: summary.model.threshold,
          exportedAt: new Date().toISOString(),
          decisions: record.decisions,
        },
      },
    ],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads an exported document back as cases (verdicts and decisions; the images stay where they were). */
export async function importReviewDocument(text: string): Promise<CaseRecord[]> {
  const parsed: unknown = JSON.parse(text);
  if (!isObject(parsed) || parsed.schema !== 'homnet-review/analysis@1' || !Array.isArray(parsed.cases))
    throw new Error('not a homnet-review/analysis@1 document');
  const document = parsed as unknown as ReviewDocument;
  const records: CaseRecord[] = [];
  for (const entry of document.cases) {
    const review = isObject(entry.review) ? entry.review : undefined;
    const now = new Date().toISOString();
    const summary: CaseSummary = {
      id: crypto.randomUUID(),
      name: `${entry.case} (imported)`,
      origin: 'import',
      analysedAt: review?.exportedAt ?? now,
      model: { ...document.model, threshold: review?.threshold ?? 0.5 },
      backend: document.backend,
      cells: entry.cells.map((cell) => ({
        id: cell.id,
        source: cell.source,
        bandLevel: isBandLevel(cell.bandLevel) ? cell.bandLevel : 400,
        bandLevelConfidence: cell.bandLevelConfidence,
        bandLevelOverridden: false,
        chromosomes: cell.chromosomes,
        excluded: false,
        warnings: [],
      })),
      types: entry.types,
      errors: entry.errors,
      hasImages: false,
    };
    const record: CaseRecord = {
      id: summary.id,
      summary,
      createdAt: now,
      updatedAt: now,
      decisions: Array.isArray(review?.decisions) ? review.decisions : [],
    };
    useAppStore.getState().putCase(record);
    await dbPut('reviews', record.id, record);
    records.push(record);
  }
  return records;
}
