import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { BatchReply, BatchRequest } from './batch-process';
import type { TrainConfig } from './train-options';

/** Training batches by step, drawn ahead in another process where it can. */
export interface BatchSource {
  /** The batch of `step`, the same whichever process drew it. */
  batch(step: number): Promise<readonly SampledBag[]>;
  /** True once the other process has loaded the cases and draws batches; false if it never will. */
  readonly ready: Promise<boolean>;
  /** Batches drawn by the other process, and here (before it was ready, or after it failed). */
  counts(): { readonly prefetched: number; readonly here: number };
  /** Stops the other process (the run is over). */
  close(): void;
}

export interface PrefetchOptions {
  /** Batches asked for ahead of the one being trained on. */
  readonly lookahead?: number;
  /** Called once if the other process cannot load or dies; batches are then drawn here. */
  readonly onFailure?: (message: string) => void;
  /** The drawing process's script (tests point it elsewhere). */
  readonly script?: URL;
}

const BATCH_PROCESS = new URL('./batch-process.ts', import.meta.url);

/**
 * Draws training batches in a child process, `lookahead` steps ahead, while this process trains: on two
 * cores a step then costs about the longer of drawing and training rather than their sum. Batches are
 * seeded by step alone (drawTrainingBatch), so a batch drawn there equals the one `drawHere` would draw:
 * the run's result does not depend on which process drew what, and if the child cannot start or dies, the
 * run goes on drawing here.
 */
export function prefetchedBatches(
  config: TrainConfig,
  drawHere: (step: number) => SampledBag[],
  options: PrefetchOptions = {},
): BatchSource {
  const lookahead = options.lookahead ?? 2;
  /** Steps asked of the child, resolved with the batch, or null when it failed before sending it. */
  const pending = new Map<
    number,
    { promise: Promise<SampledBag[] | null>; settle: (bags: SampledBag[] | null) => void }
  >();
  let prefetched = 0;
  let here = 0;
  let alive = true;
  let markReady: (ready: boolean) => void = () => undefined;
  const ready = new Promise<boolean>((resolve) => {
    markReady = resolve;
  });
  let isReady = false;

  const fail = (message: string): void => {
    if (!alive) return;
    alive = false;
    markReady(false);
    for (const entry of pending.values()) entry.settle(null);
    options.onFailure?.(message);
  };

  const child = startBatchProcess(options.script ?? BATCH_PROCESS, fail);
  const send = (request: BatchRequest): void => {
    if (alive) child?.send(request);
  };
  child?.on('error', (error) => {
    fail(error.message);
  });
  child?.on('exit', (code, signal) => {
    fail(`the batch process stopped (${signal ?? `exit code ${code}`})`);
  });
  child?.on('message', (message: BatchReply) => {
    if (message.kind === 'listening') {
      send({ kind: 'load', config });
    } else if (message.kind === 'ready') {
      isReady = true;
      markReady(true);
    } else if (message.kind === 'batch') {
      pending.get(message.step)?.settle(message.bags);
    } else {
      fail(message.message);
      child.kill();
    }
  });
  const ask = (step: number): void => {
    if (!alive || !isReady || pending.has(step)) return;
    let settle: (bags: SampledBag[] | null) => void = () => undefined;
    const promise = new Promise<SampledBag[] | null>((resolve) => {
      settle = resolve;
    });
    pending.set(step, { promise, settle });
    send({ kind: 'draw', step });
  };

  return {
    ready,
    async batch(step) {
      // The next steps first, so that the child works on them while this step is drawn or trained.
      for (let ahead = 1; ahead <= lookahead; ahead++) ask(step + ahead);
      const entry = pending.get(step);
      // Removed once settled: the reply finds its entry by step.
      const bags = entry ? await entry.promise : null;
      pending.delete(step);
      if (bags) {
        prefetched++;
        return bags;
      }
      here++;
      return drawHere(step);
    },
    counts: () => ({ prefetched, here }),
    close() {
      alive = false;
      markReady(false);
      for (const entry of pending.values()) entry.settle(null);
      pending.clear();
      child?.kill();
    },
  };
}

/** The batch process, run through tsx like the CLI itself; null (and `fail` told) when it cannot start. */
function startBatchProcess(script: URL, fail: (message: string) => void): ChildProcess | null {
  try {
    return fork(script.pathname, [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    return null;
  }
}
