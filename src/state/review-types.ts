import type { ChromosomeType } from '../shared/chromosome-types';
import type { CaseSummary, Correction } from '../worker/analysis-api';

export const DECISIONS = ['abnormal', 'normal', 'unsure'] as const;
export type DecisionValue = (typeof DECISIONS)[number];

/** One entry of a case's audit trail. Entries are only ever appended, never edited. */
export interface Decision {
  readonly type: ChromosomeType;
  readonly decision: DecisionValue;
  readonly note: string;
  readonly reviewer: string;
  readonly modelId: string;
  /** ISO 8601 time of the decision. */
  readonly at: string;
}

/**
 * A correction of the automatic reading in a case's audit trail (a centre line drawn or undone, a homolog
 * flipped, moved or excluded…): appended when the worker has applied it, never edited.
 */
export interface CorrectionEntry {
  /** The types it changed (their verdicts were computed again). */
  readonly types: readonly ChromosomeType[];
  /** What was done, in the reviewer's words (correction-text). */
  readonly text: string;
  /** The correction as the worker applied it (a centre line with its points); absent for imported entries. */
  readonly correction?: Correction;
  /** The reviewer's name, or '' when none was given. */
  readonly reviewer: string;
  readonly modelId: string;
  /** ISO 8601 time it was applied. */
  readonly at: string;
}

export type CaseStatus = 'new' | 'analysed' | 'reviewed' | 'refused';

/** What the page stores per case (IndexedDB `reviews`): the summary and the audit trail. */
export interface CaseRecord {
  readonly id: string;
  readonly summary: CaseSummary;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When a reviewer first opened the case; absent while it is new. */
  readonly openedAt?: string;
  readonly decisions: readonly Decision[];
  /** Corrections applied to the case, oldest first (absent in records saved before they were kept). */
  readonly corrections?: readonly CorrectionEntry[];
  /**
   * The analysis job that made the record. A tab closed after the record was written but before the
   * job was marked done leaves the job pending; on reopening, this says its results are already here.
   */
  readonly jobId?: string;
}

/** The types the model flags as abnormal. */
export function flaggedTypes(summary: CaseSummary): ChromosomeType[] {
  return summary.types.filter((t) => t.abnormal === true).map((t) => t.type);
}

/** The latest decision per type (the trail keeps every earlier one). */
export function latestDecisions(record: CaseRecord): Map<ChromosomeType, Decision> {
  const latest = new Map<ChromosomeType, Decision>();
  for (const decision of record.decisions) latest.set(decision.type, decision);
  return latest;
}

/**
 * Why no cell of a case could be read (every file refused: not a karyogram, broken, too small), or null
 * when at least one was: a refused input is no analysed case with nothing flagged.
 */
export function refusalReason(summary: CaseSummary): string | null {
  if (summary.cells.length > 0) return null;
  const reasons = summary.errors.filter((e) => !e.message.startsWith('type ')).map((e) => e.message);
  return reasons.length > 0 ? [...new Set(reasons)].join('; ') : 'no cell could be read';
}

/**
 * refused: no cell could be read; new: never opened; reviewed: every flagged type has a decision (and
 * there is at least one).
 */
export function caseStatus(record: CaseRecord): CaseStatus {
  if (refusalReason(record.summary) !== null) return 'refused';
  if (record.decisions.length === 0) return record.openedAt === undefined ? 'new' : 'analysed';
  const latest = latestDecisions(record);
  return flaggedTypes(record.summary).every((type) => latest.has(type)) ? 'reviewed' : 'analysed';
}

/**
 * A type's audit trail, oldest first: its decisions and the corrections that changed it, each entry
 * tagged with its kind.
 */
export function typeTrail(
  record: CaseRecord,
  type: ChromosomeType,
): (
  | { readonly kind: 'decision'; readonly entry: Decision }
  | { readonly kind: 'correction'; readonly entry: CorrectionEntry }
)[] {
  return [
    ...record.decisions.filter((d) => d.type === type).map((entry) => ({ kind: 'decision' as const, entry })),
    ...(record.corrections ?? [])
      .filter((c) => c.types.includes(type))
      .map((entry) => ({ kind: 'correction' as const, entry })),
  ].sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at));
}
