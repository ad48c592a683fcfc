import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { useBackend } from './backend';
import { createModel } from './load-model';
import { testBag } from './testing/synthetic-bags';

describe('HomNet memory', () => {
  it('leaves no tensor behind after 100 predictions, and none after dispose', async () => {
    await useBackend('wasm');
    const before = tf.memory().numTensors;
    const model = await createModel({ seed: 5, backend: 'wasm' });
    const loaded = tf.memory().numTensors;
    const random = createRandom(9);
    const bags = [testBag(random, '3', 2, false), testBag(random, '17', 3, true)];
    for (let i = 0; i < 100; i++) await model.predict(bags, { details: i % 2 === 0 });
    expect(tf.memory().numTensors).toBe(loaded);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
