import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import type { HomNetModel } from './homnet-model';
import { calibrateInput } from './input-calibration';
import { createModel, loadModel } from './load-model';
import { INPUT_CALIBRATION } from './parameters';
import { withoutTensors } from './testing/older-model-file';
import { testBag } from './testing/synthetic-bags';
import { AdamW } from './train/adamw';
import type { LabelledBag } from './train/train-step';
import { trainStep } from './train/train-step';
import { modelsDisposedAfterEach, SMALL_ARCHITECTURE } from './testing/small-models';

function lookup(coefficients: number[]): { get: (name: string) => tf.Tensor } {
  return {
    get: (name) => {
      if (name !== INPUT_CALIBRATION.name) throw new Error(name);
      return tf.tensor1d(coefficients);
    },
  };
}

describe('the input calibration (a lab darkness curve)', () => {
  const models = modelsDisposedAfterEach();

  it('is the identity at zero and never lifts background or padding off 0', () => {
    const profiles = tf.tensor2d([[0, 0.2, 0.5, 0.9, 1, 0]]);
    const identity = tf.tidy(() => Array.from(calibrateInput(profiles, lookup([0, 0, 0])).dataSync()));
    expect(identity).toEqual(Array.from(profiles.dataSync()));
    const curved = tf.tidy(() => Array.from(calibrateInput(profiles, lookup([0.5, 0.8, -0.3])).dataSync()));
    expect(curved[0]).toBe(0);
    expect(curved[5]).toBe(0);
    // v + v·(0.5 + 0.8·0.5 − 0.3·0.5·0) at v = 0.5
    expect(curved[2]).toBeCloseTo(0.5 + 0.5 * (0.5 + 0.4), 6);
    profiles.dispose();
  });

  it('loads a model file made before it existed, with identical predictions', async () => {
    const model = await createModel({ seed: 41, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const older = await withoutTensors(await model.exportArtifacts({ threshold: 0.5 }), [
      INPUT_CALIBRATION.name,
    ]);
    expect(older.manifest.tensors.some((t) => t.name === INPUT_CALIBRATION.name)).toBe(false);
    const loaded = await loadModel({ weights: older, backend: 'wasm' });
    models.push(loaded);
    expect(Array.from((await loaded.weights.read()).get(INPUT_CALIBRATION.name) ?? [])).toEqual([0, 0, 0]);
    const random = createRandom(3);
    const bags = [testBag(random, '7', 2, true), testBag(random, '16', 1, false)];
    const a = await model.predict(bags, { details: false });
    const b = await loadedPredict(loaded, bags);
    expect(b).toEqual(a.map((p) => p.probability));
  });

  it('is fitted by fine-tuning at the paper rate of 1e-5, and left alone by pretraining', async () => {
    const model = await createModel({ seed: 43, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const random = createRandom(9);
    const batch: LabelledBag[] = Array.from({ length: 6 }, (_, i) => ({
      bag: testBag(random, i % 2 === 0 ? '3' : '18', 2, i % 2 === 1),
      label: i % 2,
    }));
    const read = async (): Promise<number[]> =>
      Array.from((await model.weights.read()).get(INPUT_CALIBRATION.name) ?? []);
    const pretraining = new AdamW({ learningRate: 1e-3 });
    await trainStep(model, pretraining, batch, 'pretrain');
    expect(await read()).toEqual([0, 0, 0]);
    pretraining.dispose();
    const fineTuning = new AdamW({ learningRate: 1e-5 });
    for (let step = 0; step < 3; step++) await trainStep(model, fineTuning, batch, 'fine-tune');
    fineTuning.dispose();
    // Adam moves a weight by about its step size per step: the calibration's own, not 1e-5.
    const moved = Math.max(...(await read()).map(Math.abs));
    expect(moved).toBeGreaterThan(INPUT_CALIBRATION.learningRate);
    expect(moved).toBeLessThan(4 * INPUT_CALIBRATION.learningRate);
  });
});

async function loadedPredict(
  model: HomNetModel,
  bags: Parameters<HomNetModel['predict']>[0],
): Promise<number[]> {
  return (await model.predict(bags, { details: false })).map((p) => p.probability);
}
