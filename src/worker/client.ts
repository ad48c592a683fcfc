import type { Remote } from 'comlink';
import { wrap } from 'comlink';
import { isGpuLostMessage } from './health-api';
import type { HomNetWorkerApi } from './homnet.worker';

/** Why a worker can no longer be used. */
export interface WorkerLoss {
  readonly kind: 'crashed' | 'gpu-lost' | 'error';
  /** In words for the user. */
  readonly message: string;
}

/** A call that cannot be answered because the worker is gone; the work may be run again elsewhere. */
export class WorkerLostError extends Error {
  constructor(readonly loss: WorkerLoss) {
    super(`the analysis worker stopped: ${loss.message}`);
    this.name = 'WorkerLostError';
  }
}

export interface WorkerClient {
  readonly api: Remote<HomNetWorkerApi>;
  /**
   * Resolves once the worker cannot be used any more: it crashed or was closed (its life lock was
   * released), it reported an uncaught error, or its GPU device was lost. Never rejects.
   */
  readonly lost: Promise<WorkerLoss>;
  /**
   * Runs a call and rejects with WorkerLostError if the worker is lost first. A plain comlink call to
   * a dead worker never answers, so every call whose caller waits should go through here.
   */
  call<T>(run: (api: Remote<HomNetWorkerApi>) => Promise<T>): Promise<T>;
  /** Ends the worker at once (cancels whatever it was doing). */
  terminate(): void;
}

/** Starts a dedicated module worker running the HomNet pipeline and wraps it with comlink. */
export function startWorker(): WorkerClient {
  const worker = new Worker(new URL('./homnet.worker.ts', import.meta.url), {
    type: 'module',
    name: 'homnet',
  });
  const api = wrap<HomNetWorkerApi>(worker);
  let markLost: (loss: WorkerLoss) => void = () => undefined;
  const lost = new Promise<WorkerLoss>((resolve) => {
    markLost = resolve;
  });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isGpuLostMessage(event.data)) markLost({ kind: 'gpu-lost', message: event.data.reason });
  });
  worker.addEventListener('error', (event) => {
    markLost({ kind: 'error', message: event.message || 'the worker failed' });
  });
  // The worker holds this lock for its whole life; we are granted it only once the worker is gone.
  const lockName = `homnet-worker-${crypto.randomUUID()}`;
  void api.holdLifeLock(lockName).then(() =>
    navigator.locks.request(lockName, () => {
      markLost({ kind: 'crashed', message: 'the worker ended unexpectedly' });
    }),
  );
  const failOnLoss = lost.then((loss) => Promise.reject(new WorkerLostError(loss)));
  // The rejection is handled by each race below; this stops it being reported as unhandled.
  failOnLoss.catch(() => undefined);
  return {
    api,
    lost,
    call: (run) =>
      Promise.race([
        run(api).catch((error: unknown) => {
          if (!(error instanceof Error) || error.name !== 'GpuDeviceLostError') throw error;
          const loss: WorkerLoss = { kind: 'gpu-lost', message: error.message };
          markLost(loss);
          throw new WorkerLostError(loss);
        }),
        failOnLoss,
      ]),
    terminate: () => {
      worker.terminate();
    },
  };
}
