import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HomNetModel } from '../homnet-model';
import { createModel } from '../load-model';
import { labelledTestBags } from '../testing/synthetic-bags';
import { AdamW } from './adamw';
import { enableTraining } from './enable-training';
import type { LabelledBag } from './train-step';
import type { EvaluationRecord } from './trainer';
import { scoreBags, train } from './trainer';
import { rocAuc } from '../eval/metrics';
import { SMALL_ARCHITECTURE } from '../testing/small-models';

const bags = (seed: number, count: number): LabelledBag[] => labelledTestBags(seed, count, 3);

describe('trainer', () => {
  let model: HomNetModel | undefined;
  beforeAll(async () => {
    await enableTraining();
  });
  afterEach(() => {
    model?.dispose();
  });

  it('learns held-out bags, keeps the best evaluation and stops early', async () => {
    model = await createModel({ seed: 4, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    const optimizer = new AdamW({ learningRate: 2e-3 });
    const validation = bags(99, 24);
    const before = rocAuc(await scoreBags(model, validation));
    const records: EvaluationRecord[] = [];
    const state = await train({
      model,
      optimizer,
      policy: 'pretrain',
      nextBatch: (step) => bags(1000 + step, 8),
      validation,
      evaluateEvery: 10,
      patience: 3,
      maxSteps: 150,
      onEvaluation: (record) => {
        records.push(record);
        return Promise.resolve();
      },
    });
    optimizer.dispose();
    expect(records.length).toBeGreaterThan(0);
    expect(state.bestAuc).toBe(Math.max(...records.map((r) => r.auc)));
    expect(state.bestAuc).toBeGreaterThan(Math.max(before, 0.8));
    // The model ends with the best weights, not the last ones.
    expect(rocAuc(await scoreBags(model, validation))).toBeCloseTo(state.bestAuc, 6);
    if (state.step < 150) expect(state.evaluationsWithoutImprovement).toBe(3);
  });

  it('stops at once when cancelled', async () => {
    model = await createModel({ seed: 4, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    const controller = new AbortController();
    controller.abort();
    const optimizer = new AdamW({ learningRate: 1e-3 });
    const state = await train({
      model,
      optimizer,
      policy: 'pretrain',
      nextBatch: (step) => bags(step, 4),
      validation: bags(1, 4),
      evaluateEvery: 5,
      patience: 2,
      maxSteps: 100,
      signal: controller.signal,
    });
    optimizer.dispose();
    expect(state.step).toBe(0);
  });
});
