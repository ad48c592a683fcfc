import type { Page } from '@playwright/test';
import type { BackendPreference } from '../../src/model/backend';
import type { ModelSource, ModelStatus } from '../../src/worker/model-api';
import type {} from '../../src/ui/test-hooks';
import type { JsonBag } from './model-fixtures';

export interface WorkerRun {
  status: ModelStatus;
  /** Per bag: probability, then per pair α, all attention values and both difference profiles. */
  flat: number[][];
  /** Tensors alive in the worker after the predictions. */
  numTensorsAfter: number;
}

/**
 * Page object for the model worker: starts a real Web Worker of the app, loads a model on a backend,
 * predicts, and returns plain numbers.
 */
export async function runModelInWorker(
  page: Page,
  source: ModelSource,
  backend: BackendPreference,
  bags: JsonBag[],
  afterLoad?: { saveToIndexedDB: string },
): Promise<WorkerRun> {
  return page.evaluate(
    async ({ source, backend, bags, afterLoad }) => {
      const hooks = window.__homnetTestHooks;
      if (!hooks) throw new Error('the app did not expose its test hooks');
      const worker = hooks.startWorker();
      try {
        const status = await worker.api.loadModel(source, backend);
        const inputs = bags.map((bag) => ({
          type: bag.type,
          pairs: bag.pairs.map((p) => ({
            homologs: [new Float32Array(p.homologs[0]), new Float32Array(p.homologs[1])] as const,
            bandLevel: p.bandLevel,
          })),
        }));
        const predictions = await worker.api.predict(inputs);
        if (afterLoad) await worker.api.saveModelToIndexedDB(afterLoad.saveToIndexedDB);
        const flat = predictions.map((bag) => {
          const values = [bag.probability];
          for (const pair of bag.pairs) {
            values.push(pair.alpha);
            for (const layer of pair.attention) {
              for (const head of layer) values.push(...head.oneToTwo, ...head.twoToOne);
            }
            values.push(...pair.difference[0], ...pair.difference[1]);
          }
          return values;
        });
        const after = await worker.api.status();
        return {
          status,
          flat,
          numTensorsAfter: after?.numTensors ?? -1,
        };
      } finally {
        worker.terminate();
      }
    },
    { source, backend, bags, afterLoad },
  );
}
