import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { useBackend } from './backend';
import { forward } from './forward';
import { toBatchTensors } from './inputs';
import { createModel } from './load-model';
import { gelu } from './tensor-ops';
import { testBag } from './testing/synthetic-bags';

describe('the two GELU forms', () => {
  it('are the same function to float rounding', async () => {
    await useBackend('wasm');
    const x = tf.linspace(-8, 8, 1601);
    const [viaTanh, viaSigmoid] = tf.tidy(() => [gelu(x, 'tanh'), gelu(x, 'sigmoid')]);
    const a = await viaTanh.data();
    const b = await viaSigmoid.data();
    a.forEach((v, i) => {
      expect(Math.abs(v - (b[i] ?? NaN))).toBeLessThan(2e-6);
    });
    tf.dispose([x, viaTanh, viaSigmoid]);
  });

  it('give a prediction (sigmoid form) equal to what training computes (tanh form)', async () => {
    const random = createRandom(5);
    const bags = [testBag(random, '4', 3, true), testBag(random, '21', 1, false)];
    const model = await createModel({ seed: 6, backend: 'wasm' });
    try {
      const predicted = (await model.predict(bags, { details: false })).map((p) => p.probability);
      const logits = tf.tidy(
        () =>
          forward(
            toBatchTensors(bags, model.architecture.pairMeasures),
            model.weights,
            model.architecture,
            'tanh',
          ).logits,
      );
      const trained = Array.from(await logits.data()).map((l) => 1 / (1 + Math.exp(-l)));
      logits.dispose();
      predicted.forEach((p, i) => {
        expect(Math.abs(p - (trained[i] ?? NaN))).toBeLessThan(1e-5);
      });
    } finally {
      model.dispose();
    }
  });
});
