import type { FileError } from '../pipeline/profiles/profiled-case';
import type { CaseSummary, InputFile, SyntheticRequest } from '../worker/analysis-api';
import { dbDelete, dbEntries, dbGet, dbPut } from '../worker/case-db';

/** What a job analyses; kept whole so that the job can run again after a crash or a closed tab. */
export type JobInput =
  | { readonly kind: 'files'; readonly label: string; readonly files: readonly InputFile[] }
  | { readonly kind: 'synthetic'; readonly label: string; readonly request: SyntheticRequest }
  | {
      readonly kind: 'add-cells';
      readonly label: string;
      /** The saved case the cells join. */
      readonly caseId: string;
      readonly files: readonly InputFile[];
    };

/** Every case a job produced and every file it could not use. */
export interface JobOutcome {
  readonly cases: readonly CaseSummary[];
  readonly rejected: readonly FileError[];
}

/**
 * A job whose results are not saved yet (IndexedDB `meta`, key `pending-job:<id>`). Written before the
 * worker starts and removed once the results are in the worklist: one left over at start was cut off.
 */
export interface PendingJob {
  readonly id: string;
  readonly input: JobInput;
  /** Runs started so far, this one included; a job that keeps killing its worker is given up. */
  readonly attempts: number;
}

const PREFIX = 'pending-job:';

export function savePendingJob(job: PendingJob): Promise<void> {
  return dbPut('meta', `${PREFIX}${job.id}`, job);
}

export function clearPendingJob(id: string): Promise<void> {
  return dbDelete('meta', `${PREFIX}${id}`);
}

function isPendingJob(value: unknown): value is PendingJob {
  if (typeof value !== 'object' || value === null) return false;
  const job = value as Partial<PendingJob>;
  const input = job.input as Partial<JobInput> | undefined;
  return (
    typeof job.id === 'string' &&
    typeof job.attempts === 'number' &&
    typeof input?.label === 'string' &&
    ((input.kind === 'files' && Array.isArray(input.files)) ||
      (input.kind === 'add-cells' && typeof input.caseId === 'string' && Array.isArray(input.files)) ||
      (input.kind === 'synthetic' && typeof input.request === 'object'))
  );
}

/** Jobs cut off before their results were saved; an unreadable entry is dropped (it cannot be re-run). */
export async function pendingJobs(): Promise<PendingJob[]> {
  const entries = (await dbEntries('meta')).filter((entry) => entry.key.startsWith(PREFIX));
  const jobs: PendingJob[] = [];
  for (const { key, value } of entries) {
    if (isPendingJob(value)) jobs.push(value);
    else await dbDelete('meta', key);
  }
  return jobs;
}

/** A job's stored input, read again for a new run (the first run's buffers went to the old worker). */
export async function storedJobInput(id: string): Promise<JobInput | null> {
  const job = await dbGet<unknown>('meta', `${PREFIX}${id}`);
  return isPendingJob(job) ? job.input : null;
}
