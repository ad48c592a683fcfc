import type { Remote } from 'comlink';
import { wrap } from 'comlink';
import type { HomNetWorkerApi } from './homnet.worker';

export interface WorkerClient {
  readonly api: Remote<HomNetWorkerApi>;
  /** Ends the worker at once (cancels whatever it was doing). */
  terminate(): void;
}

/** Starts a dedicated module worker running the HomNet pipeline and wraps it with comlink. */
export function startWorker(): WorkerClient {
  const worker = new Worker(new URL('./homnet.worker.ts', import.meta.url), {
    type: 'module',
    name: 'homnet',
  });
  return {
    api: wrap<HomNetWorkerApi>(worker),
    terminate: () => {
      worker.terminate();
    },
  };
}
