import type { JobProgress, ProgressListener } from '../analysis-api';

/** Least time between two progress messages of a job, milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * Sends a job's progress to the page at most every {@link PROGRESS_INTERVAL_MS}, the latest state
 * winning: one message per cell stage (per case, in a batch of 20,000 one-file cases) kept the page
 * busy with messages. A state held back is sent when the interval is over, so the last one always arrives.
 */
export interface ProgressGate {
  send(progress: JobProgress): void;
}

export function progressGate(onProgress: ProgressListener): ProgressGate {
  let lastSent = -Infinity;
  let held: JobProgress | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const deliver = (progress: JobProgress): void => {
    lastSent = performance.now();
    void Promise.resolve(onProgress(progress)).catch(() => undefined);
  };
  const flush = (): void => {
    timer = null;
    if (held === null) return;
    const progress = held;
    held = null;
    deliver(progress);
  };
  return {
    send(progress) {
      const wait = lastSent + PROGRESS_INTERVAL_MS - performance.now();
      if (wait <= 0 && timer === null) {
        deliver(progress);
        return;
      }
      held = progress;
      timer ??= setTimeout(flush, Math.max(0, wait));
    },
  };
}
