import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { createModel } from '../load-model';
import { SMALL_ARCHITECTURE, modelsDisposedAfterEach } from '../testing/small-models';
import { labelledTestBags } from '../testing/synthetic-bags';
import { AdamW } from './adamw';
import { isFrozen } from './freeze';
import type { LabelledBag } from './train-step';
import { train } from './trainer';
import { WeightAverage, decayForRun } from './weight-average';

const bags = (seed: number, count: number): LabelledBag[] => labelledTestBags(seed, count, 2);

describe('weight averaging', () => {
  const models = modelsDisposedAfterEach();

  it('averages the trainable weights only and gives the trained ones back exactly', async () => {
    const model = await createModel({ seed: 2, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const start = await model.weights.read();
    const tensorsBefore = tf.memory().numTensors;
    const average = new WeightAverage(model, 'fine-tune', 0.75);
    const trainable = model.weights.list((spec) => !isFrozen(spec, 'fine-tune'));
    // Two "steps" that each add 1 to every trainable weight: the average is start + 0.25·1 + … after one,
    // start + 0.75·0.25 + 0.25·2 after two.
    for (let step = 0; step < 2; step++) {
      tf.tidy(() => {
        for (const { variable } of trainable) variable.assign(tf.add(variable, 1));
      });
      average.update();
    }
    const trained = await model.weights.read();
    const averaged = await average.withAveraged(() => model.weights.read());
    for (const spec of model.weights.specs) {
      const original = start.get(spec.name) as Float32Array;
      const got = averaged.get(spec.name) as Float32Array;
      if (isFrozen(spec, 'fine-tune')) {
        expect(got, spec.name).toEqual(original);
        expect(trained.get(spec.name), spec.name).toEqual(original);
      } else {
        expect(got[0], spec.name).toBeCloseTo((original[0] ?? 0) + 0.75 * 0.25 + 0.25 * 2, 5);
      }
    }
    // The trained weights are back, bit for bit.
    expect(await model.weights.read()).toEqual(trained);
    average.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('makes the trainer evaluate and keep the running average of the weights it trains', async () => {
    const model = await createModel({ seed: 5, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    models.push(model);
    const decay = 0.6;
    const expected = new Map(
      [...(await model.weights.read())].map(([name, v]) => [name, Float64Array.from(v)]),
    );
    const optimizer = new AdamW({ learningRate: 5e-3 });
    let last = new Map<string, Float32Array>();
    const state = await train({
      model,
      optimizer,
      policy: 'fine-tune',
      nextBatch: (step) => bags(100 + step, 4),
      validation: bags(7, 8),
      evaluateEvery: 5,
      patience: 10,
      maxSteps: 5,
      averageDecay: decay,
      onStep: async () => {
        // Between steps the model holds the raw trained weights; fold them in by hand, in float64.
        last = await model.weights.read();
        for (const [name, values] of last) {
          const sum = expected.get(name) as Float64Array;
          for (let i = 0; i < values.length; i++)
            sum[i] = decay * (sum[i] ?? 0) + (1 - decay) * (values[i] ?? 0);
        }
      },
    });
    optimizer.dispose();
    expect(state.bestStep).toBe(5);
    const kept = await model.weights.read();
    let differsFromLast = false;
    for (const spec of model.weights.specs) {
      const got = kept.get(spec.name) as Float32Array;
      const want = expected.get(spec.name) as Float64Array;
      for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(want[i] ?? 0, 5);
      if (!isFrozen(spec, 'fine-tune') && got.some((v, i) => v !== last.get(spec.name)?.[i]))
        differsFromLast = true;
    }
    expect(differsFromLast).toBe(true);
  });

  it('spans the same share of a short run as of a long one', () => {
    expect(decayForRun(600, 0.8)).toBeCloseTo(0.99792, 5);
    expect(Math.pow(decayForRun(600, 0.8), 600)).toBeCloseTo(Math.pow(decayForRun(60, 0.8), 60), 1);
    expect(decayForRun(1, 0.8)).toBe(0);
  });
});
