import type { Browser, Page } from '@playwright/test';
import type {} from '../../ui/test-hooks';
import type { BackendPreference } from '../../model/backend';
import type { WorkerClient } from '../../worker/client';
import type { ModelStatus } from '../../worker/model-api';
import { TabMemory, workerTargetIds } from './tab-memory';

/** The worker's memory after case `case` of a run, with garbage collected first. */
export interface CaseMemoryCheckpoint {
  readonly case: number;
  /** tf.memory() in the worker. */
  readonly numTensors: number;
  readonly numBytes: number;
  readonly numBytesInGPU: number | null;
  /** The worker's V8 heap, bytes (CDP Runtime.getHeapUsage after a full GC). */
  readonly heapUsedBytes: number;
  /** ArrayBuffers the worker holds (pixels, WASM memory), bytes. */
  readonly backingStorageBytes: number;
}

/** Many cases analysed one after the other in a worker of the real app (issue #7 "100 cases in a row"). */
export interface ManyCasesRun {
  readonly backend: string;
  readonly tfBackend: string;
  readonly cases: number;
  readonly cellsPerCase: number;
  /** Mean wall time per case over the run, ms. */
  readonly msPerCase: number;
  readonly checkpoints: readonly CaseMemoryCheckpoint[];
}

declare global {
  interface Window {
    /** The worker a {@link casesInARow} run drives. */
    __manyCasesWorker?: WorkerClient;
  }
}

/**
 * Starts a fresh HomNet worker in the app page (through the test hooks) with a seeded model, then has it
 * generate and analyse `cases` small synthetic cases in a row, exactly as the demo and teaching mode do
 * (imaging, scoring, the result kept and stored). After each case in `checkpoints` it collects garbage
 * in the worker and records tf.memory() and the worker's heap.
 */
export async function casesInARow(
  browser: Browser,
  page: Page,
  options: {
    backend: BackendPreference;
    cases: number;
    checkpoints: readonly number[];
    cellsPerCase?: number;
  },
): Promise<ManyCasesRun> {
  const cellsPerCase = options.cellsPerCase ?? 2;
  const before = await workerTargetIds(browser);
  const tfBackend = await page.evaluate(async (backend) => {
    const hooks = window.__homnetTestHooks;
    if (!hooks) throw new Error('the app did not expose its test hooks');
    const worker = hooks.startWorker();
    window.__manyCasesWorker = worker;
    return (await worker.api.loadModel({ kind: 'seed', seed: 3 }, backend)).tfBackend;
  }, options.backend);
  const memory = await TabMemory.attach(browser, page, before);
  const checkpoints: CaseMemoryCheckpoint[] = [];
  const start = performance.now();
  try {
    for (let index = 1; index <= options.cases; index++) {
      await page.evaluate(
        async ({ index, cells }) => {
          const worker = window.__manyCasesWorker;
          const hooks = window.__homnetTestHooks;
          if (!worker || !hooks) throw new Error('no worker');
          await worker.api.analyseSynthetic(
            `case-${index}`,
            {
              name: `case ${index}`,
              origin: 'demo',
              karyotype: index % 2 === 0 ? '46,XX' : '46,XY,del(5)(p14)',
              cells,
              level: 400,
              seed: 1000 + index,
            },
            hooks.proxy(() => undefined),
          );
        },
        { index, cells: cellsPerCase },
      );
      if (!options.checkpoints.includes(index)) continue;
      await memory.collectGarbage();
      const heap = (await memory.sample()).worker;
      const status = await page.evaluate(() => window.__manyCasesWorker?.api.status() ?? null);
      if (!status || !heap) throw new Error('the worker reported no model or heap');
      checkpoints.push(checkpointOf(index, status, heap.usedSize, heap.backingStorageSize));
    }
  } finally {
    await memory.detach();
    await page.evaluate(() => {
      window.__manyCasesWorker?.terminate();
      delete window.__manyCasesWorker;
    });
  }
  return {
    backend: options.backend,
    tfBackend,
    cases: options.cases,
    cellsPerCase,
    msPerCase: Math.round((performance.now() - start) / options.cases),
    checkpoints,
  };
}

function checkpointOf(
  index: number,
  status: ModelStatus,
  heapUsedBytes: number,
  backingStorageBytes: number,
): CaseMemoryCheckpoint {
  return {
    case: index,
    numTensors: status.numTensors,
    numBytes: status.numBytes,
    numBytesInGPU: status.numBytesInGPU ?? null,
    heapUsedBytes,
    backingStorageBytes,
  };
}
