import type { CaseDocument } from '../pipeline/analysis-json';
import type { CaseSummary } from '../worker/analysis-api';
import { putReviewsAtOnce, WriteCancelled } from './put-reviews-at-once';
import type { ImportedCase } from './report-json-check';
import { checkDocumentHead, checkImportedCase, importedRecord, MAX_IMPORT_BYTES } from './report-json-check';
import type { CaseRecord, CorrectionEntry, Decision } from './review-types';
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
  /** Corrections of the automatic reading (centre lines drawn, homologs flipped…), oldest first. */
  readonly corrections: readonly CorrectionEntry[];
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
      modelScore: (t.modelScore ?? t.score) === null ? null : round(t.modelScore ?? t.score ?? 0),
      unreliable: t.unreliable ?? null,
      pairs: t.pairs.map((p) => ({ cell: p.cell, alpha: round(p.alpha) })),
      region: t.region ? { ...t.region, from: round(t.region.from, 3), to: round(t.region.to, 3) } : null,
    })),
    scoreShift: round(summary.scoreShift ?? 0, 3),
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
          corrections: record.corrections ?? [],
        },
      },
    ],
  };
}

/** Where an import is: checking the cases of the file, then storing them (one transaction). */
export interface ImportProgress {
  readonly phase: 'reading' | 'checking' | 'storing';
  readonly done: number;
  readonly total: number;
}

/** Thrown when the import was cancelled before anything was stored. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled; nothing was stored');
    this.name = 'ImportCancelled';
  }
}

/** Cases checked between two looks at Cancel and two progress updates (a few milliseconds of work). */
const CHECK_STEP = 100;

/**
 * Lets the page draw the progress and hear a click on Cancel before the next step. A message, not a
 * timer: a hidden tab delays each timer by a second or more, a message not at all.
 */
const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * Reads an exported document back as cases (verdicts and decisions; the images stay where they were).
 * Every case is checked before any is stored, and all of them are stored in one transaction: a file
 * with one bad case, a Cancel or a full disk leaves nothing of it behind. Throws naming the first thing
 * wrong (`cases[1].cells is missing`), ImportCancelled when `signal` stopped it.
 */
export async function importReviewDocument(
  text: string,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<CaseRecord[]> {
  const { signal, onProgress } = options;
  const head = checkDocumentHead(parsedJson(text));
  const total = head.cases.length;
  const checked: ImportedCase[] = [];
  for (let start = 0; start < total; start += CHECK_STEP) {
    onProgress?.({ phase: 'checking', done: start, total });
    await nextTask();
    if (signal?.aborted) throw new ImportCancelled();
    for (let i = start; i < Math.min(total, start + CHECK_STEP); i++)
      checked.push(checkImportedCase(head.cases[i], i));
  }
  const now = new Date().toISOString();
  const records = checked.map((entry) => importedRecord(head, entry, crypto.randomUUID(), now));
  onProgress?.({ phase: 'storing', done: 0, total });
  try {
    await putReviewsAtOnce(records, {
      ...(signal ? { signal } : {}),
      onWritten: (done) => {
        onProgress?.({ phase: 'storing', done, total });
      },
    });
  } catch (error) {
    throw error instanceof WriteCancelled ? new ImportCancelled() : error;
  }
  // Shown only once IndexedDB has committed them all, with one update of the worklist.
  useAppStore.getState().putCases(records);
  return records;
}

/**
 * Imports a JSON report file: refused at once when larger than MAX_IMPORT_BYTES (read whole, it would
 * take several times its size in memory), else as importReviewDocument.
 */
export async function importReviewFile(
  file: Blob,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<CaseRecord[]> {
  if (file.size > MAX_IMPORT_BYTES)
    throw new Error(
      `the file is ${megabytes(file.size)}, more than the ${megabytes(MAX_IMPORT_BYTES)} that can be imported at once (export fewer cases per file)`,
    );
  options.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const text = await file.text();
  if (options.signal?.aborted) throw new ImportCancelled();
  return importReviewDocument(text, options);
}

/** The parsed text, or an error saying the file is no JSON (rather than only "Unexpected token"). */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / 1024 ** 2).toLocaleString('en')} MB`;
