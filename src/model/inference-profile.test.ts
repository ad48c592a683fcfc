import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../shared/chromosome-types';
import { createRandom } from '../shared/random';
import type { HomNetModel } from './homnet-model';
import { medianRun, profileInference, type InferenceProfile } from './inference-profile';
import { KERNEL_CATEGORIES } from './kernel-breakdown';
import { createModel } from './load-model';
import { inStage, listenToStages } from './stage-marks';
import { testBag } from './testing/synthetic-bags';

/** One pair of every type but Y: 23 pairs. */
const patient = () => {
  const random = createRandom(4);
  return CHROMOSOME_TYPES.filter((type) => type !== 'Y').map((type) => testBag(random, type, 1, false));
};

describe('profile of one inference', () => {
  let model: HomNetModel;
  beforeAll(async () => {
    model = await createModel({ seed: 5, backend: 'wasm' });
  });
  afterAll(() => {
    model.dispose();
  });

  it('puts the forward pass kernels in every category the model has, times summed', async () => {
    const profile = await profileInference(model, patient());
    expect(profile.backend).toBe('wasm');
    expect(profile.pairs).toBe(23);
    expect(profile.kernelTimesAvailable).toBe(true);
    expect(profile.kernels.map((part) => part.category)).toEqual(KERNEL_CATEGORIES);
    const sum = profile.kernels.reduce((total, part) => total + part.ms, 0);
    expect(profile.kernelMs).toBeCloseTo(sum, 9);
    // Two alignment layers: two softmaxes each with their scaling, four attention products.
    expect(profile.kernels.find((part) => part.category === 'attention matmuls')?.kernels).toBe(4);
    expect(profile.kernels.find((part) => part.category === 'attention softmax')?.kernels).toBe(4);
    for (const part of [profile.pairMeasuresMs, profile.forwardMs, profile.readBackMs, profile.unpackMs]) {
      expect(part).toBeGreaterThanOrEqual(0);
    }
  });

  it('stops listening when it is done, so the marks are plain calls again and another profile may run', async () => {
    await profileInference(model, patient());
    const stop = listenToStages({ enter: () => undefined, exit: () => undefined });
    stop();
    expect(inStage('GELU', () => 7)).toBe(7);
    expect(() => {
      const again = listenToStages({ enter: () => undefined, exit: () => undefined });
      again();
    }).not.toThrow();
  });

  it('takes the whole run of median total time, not medians part by part', () => {
    const run = (pairMeasuresMs: number, forwardMs: number): InferenceProfile => ({
      backend: 'wasm',
      pairs: 1,
      pairMeasuresMs,
      dataPreparationMs: 0,
      forwardMs,
      readBackMs: 0,
      unpackMs: 0,
      kernels: [],
      kernelMs: 0,
      kernelTimesAvailable: false,
    });
    // Totals 12, 30 and 21: the 21 ms run, though neither of its parts is a median part.
    expect(medianRun([run(2, 10), run(29, 1), run(1, 20)])).toEqual(run(1, 20));
    expect(() => medianRun([])).toThrow('no profile');
  });
});
