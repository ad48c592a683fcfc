import type { FileError } from '../pipeline/profiles/profiled-case';
import type { CaseSummary } from '../worker/analysis-api';
import type { CaseRecord } from './review-types';
import { refusalReason } from './review-types';

/** Problems a notice names line by line; past these it counts the rest, so that it stays readable. */
export const NOTICE_PROBLEM_LINES = 20;

/** The worklist records of a finished job's cases, all stamped `now`. */
export function outcomeRecords(cases: readonly CaseSummary[], jobId: string, now: string): CaseRecord[] {
  return cases.map((summary) => ({
    id: summary.id,
    summary,
    createdAt: now,
    updatedAt: now,
    decisions: [],
    jobId,
  }));
}

/** The case a job opens when it ends: its last analysed case, else its last refused one. */
export function caseToOpen(records: readonly CaseRecord[]): CaseRecord | null {
  const analysed = records.filter((r) => refusalReason(r.summary) === null);
  return analysed.at(-1) ?? records.at(-1) ?? null;
}

/**
 * A job's problems as the notice says them, one line per file (`file: reason`) up to
 * {@link NOTICE_PROBLEM_LINES}, then how many more there were; null when there were none.
 */
export function problemsNotice(problems: readonly FileError[]): string | null {
  if (problems.length === 0) return null;
  const lines = problems.slice(0, NOTICE_PROBLEM_LINES).map((p) => `${p.file}: ${p.message}`);
  const more = problems.length - lines.length;
  if (more > 0)
    lines.push(
      `… and ${more.toLocaleString('en')} more files could not be used (the command line's analyze lists every one)`,
    );
  return lines.join('\n');
}
