import { proxy, transfer } from 'comlink';
import type { JobProgress } from '../worker/analysis-api';
import { progressStep } from '../worker/analysis/progress-gate';
import type { WorkerClient } from '../worker/client';
import { WorkerLostError } from '../worker/client';
import { analysisWorker, engineReady, replaceLostWorker } from './engine-actions';
import type { JobInput, JobOutcome, PendingJob } from './pending-jobs';
import { errorText } from '../shared/error-text';
import { clearPendingJob, savePendingJob, storedJobInput } from './pending-jobs';
import { useAppStore } from './store';

/** Least time between two redraws of a job's progress within one step, milliseconds. */
const PROGRESS_REDRAW_MS = 100;

/** Runs of one job before it is given up: a job that kills two workers in a row would kill a third. */
export const MAX_JOB_ATTEMPTS = 3;

function execute(
  worker: WorkerClient,
  jobId: string,
  input: JobInput,
  onProgress: (progress: JobProgress) => void,
): Promise<JobOutcome> {
  if (input.kind === 'synthetic') {
    return worker
      .call((api) => api.analyseSynthetic(jobId, input.request, proxy(onProgress)))
      .then((summary) => ({ cases: [summary], rejected: [] }));
  }
  // The buffers move to the worker; a later run reads the job's copy in IndexedDB again.
  const buffers = input.files
    .map((f) => f.bytes.buffer)
    .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  if (input.kind === 'add-cells') {
    const { caseId } = input;
    return worker.call((api) =>
      api.addCells(jobId, caseId, transfer(input.files, buffers), proxy(onProgress)),
    );
  }
  return worker.call((api) => api.analyseFiles(jobId, transfer(input.files, buffers), proxy(onProgress)));
}

/**
 * Runs the job, again on a replacement worker each time its worker is lost, until it ends or has run
 * {@link MAX_JOB_ATTEMPTS} times. Every run is counted in the job's IndexedDB record before it starts.
 */
async function runAttempts(job: PendingJob, onProgress: (p: JobProgress) => void): Promise<JobOutcome> {
  let input: JobInput = job.input;
  for (let attempts = job.attempts + 1; ; attempts++) {
    await savePendingJob({ ...job, attempts });
    const worker = analysisWorker();
    try {
      return await execute(worker, job.id, input, onProgress);
    } catch (error) {
      if (!(error instanceof WorkerLostError)) throw error;
      if (attempts >= MAX_JOB_ATTEMPTS) throw new Error(`${error.message}; given up after ${attempts} runs`);
      if (!(await replaceLostWorker(worker, error.loss))) throw error;
      input = (await storedJobInput(job.id)) ?? input;
    }
  }
}

/** The end of the last job handed to runJob: jobs run one after another, in the order they came. */
let queueTail: Promise<unknown> = Promise.resolve();
/** Jobs handed to runJob that have not ended yet (running or waiting their turn). */
let unfinished = 0;

/**
 * Runs an analysis job with progress in the store, one at a time: a job that comes while another runs
 * waits its turn (its input is kept in IndexedDB at once, so a tab closed meanwhile loses nothing). Its
 * input stays there until `finish` has saved the results, so a crashed worker or a closed tab never loses
 * it (see resumePendingJobs). Resolves with whether the job finished.
 */
export async function runJob(
  job: PendingJob,
  finish: (outcome: JobOutcome) => Promise<void>,
): Promise<boolean> {
  const previous = queueTail;
  let release = (): void => undefined;
  queueTail = new Promise<void>((resolve) => {
    release = resolve;
  });
  unfinished += 1;
  try {
    const queued =
      unfinished > 1
        ? {
            kind: 'info' as const,
            text: `${job.input.label}: queued; it starts when the running analysis ends.`,
          }
        : null;
    if (queued) {
      await savePendingJob(job);
      useAppStore.getState().setNotice(queued);
    }
    await previous;
    // Its turn has come: the "queued" notice no longer holds (other notices stay).
    if (queued && useAppStore.getState().notice?.text === queued.text) useAppStore.getState().setNotice(null);
    return await runNow(job, finish);
  } finally {
    unfinished -= 1;
    release();
  }
}

async function runNow(job: PendingJob, finish: (outcome: JobOutcome) => Promise<void>): Promise<boolean> {
  const state = useAppStore.getState();
  const label = job.input.label;
  if (!(await engineReady())) {
    state.setNotice({
      kind: 'error',
      text: 'No model is loaded, so nothing can be analysed. See the header.',
    });
    return false;
  }
  state.setJob({ id: job.id, label, progress: null });
  try {
    // The worker may send thousands of progress messages (a batch of many small cases): a new step
    // ("1 of 2 cells", a new phase or case) is shown at once, stage moves within a step at most every
    // PROGRESS_REDRAW_MS, the latest winning.
    let latest: JobProgress | null = null;
    let shownStep: string | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = (): void => {
      timer = null;
      const current = useAppStore.getState().job;
      if (latest === null || current?.id !== job.id) return;
      shownStep = progressStep(latest);
      useAppStore.getState().setJob({ ...current, progress: latest });
    };
    const outcome = await runAttempts(job, (progress) => {
      latest = progress;
      if (progressStep(progress) !== shownStep) show();
      else timer ??= setTimeout(show, PROGRESS_REDRAW_MS);
    }).finally(() => {
      if (timer !== null) clearTimeout(timer);
    });
    await finish(outcome);
    return true;
  } catch (error) {
    const cancelled = error instanceof Error && /cancel|abort/i.test(`${error.name} ${error.message}`);
    useAppStore
      .getState()
      .setNotice(
        cancelled
          ? { kind: 'info', text: `${label}: cancelled.` }
          : { kind: 'error', text: `${label}: ${errorText(error)}` },
      );
    return false;
  } finally {
    // Finished, cancelled or failed for a reason a new run would not change: nothing to resume.
    await clearPendingJob(job.id).catch(() => undefined);
    useAppStore.getState().setJob(null);
  }
}

/** A new job (not yet stored) for `input`. */
export function newJob(input: JobInput): PendingJob {
  return { id: crypto.randomUUID(), input, attempts: 0 };
}

/**
 * Holds the job's Web Lock while it runs, so that another tab of the app never resumes a job this tab
 * is running. Resolves with false when another tab holds it.
 */
export async function withJobLock(id: string, run: () => Promise<boolean>): Promise<boolean> {
  let ran = false;
  await navigator.locks.request(`homnet-job-${id}`, { ifAvailable: true }, async (lock) => {
    if (lock) ran = await run();
  });
  return ran;
}
