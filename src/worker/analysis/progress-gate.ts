import type { JobProgress, ProgressListener } from '../analysis-api';

/** Least time between two progress messages of a job that say the same step, milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * The step a progress message tells a person: its phase, its case and how many cells are finished. A
 * message that changes it is never held back (the panel must show "1 of 2 cells" before "2 of 2"); one
 * that only moves a cell from stage to stage may be.
 */
export function progressStep(progress: JobProgress): string {
  const finished = progress.cells.filter((c) => c.stage === 'done' || c.stage === 'failed').length;
  return `${progress.phase}\n${progress.caseName}\n${String(finished)}/${String(progress.cells.length)}`;
}

/**
 * Sends a job's progress to the page: a new step at once, a new state of the same step at most every
 * {@link PROGRESS_INTERVAL_MS}, the latest winning (one message per cell stage made the page's work
 * quadratic in the cells). A state held back is sent when the interval is over, unless a newer one went
 * first, so the last one always arrives.
 */
export interface ProgressGate {
  send(progress: JobProgress): void;
}

export function progressGate(onProgress: ProgressListener): ProgressGate {
  let lastSent = -Infinity;
  let lastStep: string | null = null;
  let held: JobProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const deliver = (progress: JobProgress): void => {
    lastSent = performance.now();
    lastStep = progressStep(progress);
    held = null;
    void Promise.resolve(onProgress(progress)).catch(() => undefined);
  };
  const flush = (): void => {
    timer = null;
    if (held !== null) deliver(held);
  };
  return {
    send(progress) {
      const wait = lastSent + PROGRESS_INTERVAL_MS - performance.now();
      if (progressStep(progress) !== lastStep || wait <= 0) {
        deliver(progress);
        return;
      }
      held = progress;
      timer ??= setTimeout(flush, Math.max(0, wait));
    },
  };
}
