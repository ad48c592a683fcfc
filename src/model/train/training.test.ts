import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import type { HomNetArchitecture } from '../architecture';
import type { HomNetModel } from '../homnet-model';
import { createModel } from '../load-model';
import { testBag } from '../testing/synthetic-bags';
import { AdamW } from './adamw';
import { enableTraining } from './enable-training';
import { isFrozen } from './freeze';
import type { LabelledBag } from './train-step';
import { computeGradients, trainStep } from './train-step';

const SMALL: Partial<HomNetArchitecture> = {
  regionChannels: 16,
  heads: 2,
  pairWidth: 32,
  bagWeightHidden: 16,
};

function labelledBags(seed: number, count: number): LabelledBag[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const abnormal = i % 2 === 1;
    return { bag: testBag(random, i % 3 === 0 ? '4' : '12', 1 + (i % 3), abnormal), label: abnormal ? 1 : 0 };
  });
}

describe('HomNet training primitives', () => {
  let model: HomNetModel | undefined;
  let optimizer: AdamW | undefined;
  beforeAll(async () => {
    await enableTraining();
  });
  afterEach(() => {
    model?.dispose();
    optimizer?.dispose();
  });

  it('lets a small model overfit a handful of bags', async () => {
    model = await createModel({ seed: 1, backend: 'wasm', architecture: SMALL });
    optimizer = new AdamW({ learningRate: 3e-3, weightDecay: 0 });
    const batch = labelledBags(2, 8);
    let loss = Number.POSITIVE_INFINITY;
    const first = await trainStep(model, optimizer, batch);
    for (let step = 0; step < 400 && loss >= 0.05; step++) loss = await trainStep(model, optimizer, batch);
    expect(first).toBeGreaterThan(0.3);
    expect(loss).toBeLessThan(0.05);
    const predictions = await model.predict(
      batch.map((b) => b.bag),
      { details: false },
    );
    predictions.forEach((p, i) => {
      expect(Math.round(p.probability)).toBe(batch[i]?.label);
    });
  });

  it('sends a non-zero gradient to every weight', async () => {
    model = await createModel({ seed: 3, backend: 'wasm' });
    const { gradients } = await computeGradients(model, labelledBags(4, 4));
    try {
      // All but the input calibration, which only a lab's fine-tuning fits.
      const pretrained = model.weights.specs.filter((spec) => spec.block !== 'input');
      expect(gradients.size).toBe(pretrained.length);
      expect(pretrained.length).toBe(model.weights.specs.length - 1);
      for (const spec of pretrained) {
        const gradient = gradients.get(spec.name);
        const norm = gradient ? tf.tidy(() => tf.norm(gradient).dataSync()[0] ?? 0) : 0;
        expect(norm, spec.name).toBeGreaterThan(0);
      }
    } finally {
      tf.dispose([...gradients.values()]);
    }
  });

  it('keeps CMSBlock and the first alignment layer bit-identical when fine-tuning', async () => {
    model = await createModel({ seed: 5, backend: 'wasm' });
    optimizer = new AdamW({ learningRate: 1e-5 });
    const before = await model.weights.read();
    await trainStep(model, optimizer, labelledBags(6, 4), 'fine-tune');
    await trainStep(model, optimizer, labelledBags(7, 4), 'fine-tune');
    const after = await model.weights.read();
    let frozenCount = 0;
    const changedBlocks = new Set<string>();
    for (const spec of model.weights.specs) {
      const a = before.get(spec.name);
      const b = after.get(spec.name);
      const identical = a !== undefined && b !== undefined && a.every((v, i) => Object.is(v, b[i]));
      if (isFrozen(spec, 'fine-tune')) {
        frozenCount++;
        expect(identical, spec.name).toBe(true);
      } else if (!identical) {
        changedBlocks.add(spec.block);
      }
    }
    expect(frozenCount).toBe(
      model.weights.specs.filter((s) => s.block === 'cms' || s.block === 'align0').length,
    );
    expect(frozenCount).toBeGreaterThan(10);
    expect([...changedBlocks].sort()).toEqual(['align1', 'bag', 'input', 'pair']);
  });

  it('computes the loss of Eq. 11 as binary cross-entropy', async () => {
    const { bagLoss } = await import('./loss');
    const value = tf.tidy(() => bagLoss(tf.tensor1d([0, 2, -3]), tf.tensor1d([1, 1, 0])).dataSync()[0]);
    const expected = (Math.log(2) + Math.log(1 + Math.exp(-2)) + Math.log(1 + Math.exp(-3))) / 3;
    expect(value).toBeCloseTo(expected, 6);
  });
});
