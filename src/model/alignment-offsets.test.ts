import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { alignmentOffsets } from './hom-block';
import { createModel, loadModel } from './load-model';
import { withoutTensors } from './testing/older-model-file';
import { testBag } from './testing/synthetic-bags';
import { AdamW } from './train/adamw';
import type { LabelledBag } from './train/train-step';
import { trainStep } from './train/train-step';
import { modelsDisposedAfterEach, SMALL_ARCHITECTURE } from './testing/small-models';

const OFFSET_WEIGHTS = [
  'hom.align0.offset.kernel',
  'hom.align0.offset.bias',
  'hom.align1.offset.kernel',
  'hom.align1.offset.bias',
];

describe('alignment offsets (where each region finds its match)', () => {
  const models = modelsDisposedAfterEach();

  it('are zero when each region matches itself, and reversed inside an inversion', () => {
    const nr = 4;
    // Two rows × one head: the identity, then regions 1 and 2 swapped (a piece turned round).
    const identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const inverted = [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1];
    const offsets = tf.tidy(() =>
      Array.from(alignmentOffsets(tf.tensor3d([...identity, ...inverted], [2, nr, nr]), 2, 1, nr).dataSync()),
    );
    expect(offsets.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(offsets.slice(4)).toEqual([0, 0.25, -0.25, 0]);
  });

  it('average the position over a spread attention, as fractions of the profile length', () => {
    const nr = 2;
    const halves = [0.5, 0.5, 0.5, 0.5];
    const shape = tf.tidy(() => {
      const o = alignmentOffsets(tf.tensor3d(halves, [1, nr, nr]), 1, 1, nr);
      return { shape: o.shape, values: Array.from(o.dataSync()) };
    });
    expect(shape.shape).toEqual([1, nr, 1]);
    expect(shape.values).toEqual([0.25, -0.25]);
  });

  it('leave a model file made before them predicting exactly as before', async () => {
    const model = await createModel({ seed: 5, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const older = await withoutTensors(await model.exportArtifacts({ threshold: 0.5 }), OFFSET_WEIGHTS);
    const loaded = await loadModel({ weights: older, backend: 'wasm' });
    models.push(loaded);
    const values = await loaded.weights.read();
    for (const name of OFFSET_WEIGHTS) expect((values.get(name) ?? []).every((v) => v === 0)).toBe(true);
    const random = createRandom(3);
    const bags = [testBag(random, '7', 2, true), testBag(random, '16', 1, false)];
    const before = (await model.predict(bags, { details: false })).map((p) => p.probability);
    const after = (await loaded.predict(bags, { details: false })).map((p) => p.probability);
    expect(after).toEqual(before);
  });

  it('are learned from zero by pretraining and frozen with the first alignment layer in fine-tuning', async () => {
    const model = await createModel({ seed: 6, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const random = createRandom(9);
    const batch: LabelledBag[] = Array.from({ length: 6 }, (_, i) => ({
      bag: testBag(random, i % 2 === 0 ? '3' : '18', 2, i % 2 === 1),
      label: i % 2,
    }));
    const norms = async (): Promise<number[]> => {
      const values = await model.weights.read();
      return OFFSET_WEIGHTS.filter((n) => n.endsWith('kernel')).map((name) =>
        Math.hypot(...(values.get(name) ?? [])),
      );
    };
    expect(await norms()).toEqual([0, 0]);
    const pretraining = new AdamW({ learningRate: 1e-3 });
    await trainStep(model, pretraining, batch, 'pretrain');
    pretraining.dispose();
    const [first = 0, second = 0] = await norms();
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const fineTuning = new AdamW({ learningRate: 1e-3 });
    await trainStep(model, fineTuning, batch, 'fine-tune');
    fineTuning.dispose();
    const [firstAfter = 0, secondAfter = 0] = await norms();
    expect(firstAfter).toBe(first);
    expect(secondAfter).not.toBe(second);
  });

  it("stay at zero when pretraining the paper's Eq. 7 exactly (the ablation rows)", async () => {
    const model = await createModel({ seed: 7, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const random = createRandom(10);
    const batch: LabelledBag[] = Array.from({ length: 4 }, (_, i) => ({
      bag: testBag(random, '5', 2, i % 2 === 1),
      label: i % 2,
    }));
    const before = await model.weights.read();
    const optimizer = new AdamW({ learningRate: 1e-3 });
    await trainStep(model, optimizer, batch, 'pretrain-without-offsets');
    optimizer.dispose();
    const after = await model.weights.read();
    for (const name of OFFSET_WEIGHTS) expect(after.get(name)).toEqual(before.get(name));
    expect(after.get('hom.align1.diff.kernel')).not.toEqual(before.get('hom.align1.diff.kernel'));
  });
});
