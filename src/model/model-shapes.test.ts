import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { DEFAULT_ARCHITECTURE, flopsPerPair, regionCount } from './architecture';
import { bagBlock } from './bag-block';
import { useBackend } from './backend';
import { cmsBlock } from './cms-block';
import { homBlock } from './hom-block';
import { toBatchTensors } from './inputs';
import { PAIR_MEASURE_COUNT } from './pair-measures';
import { createModel, loadModel } from './load-model';
import { initialValues, parameterSpecs } from './parameters';
import { testBag } from './testing/synthetic-bags';
import { WeightStore } from './weights-store';

describe('HomNet stages', () => {
  let weights: WeightStore;
  beforeAll(async () => {
    await useBackend('wasm');
    weights = new WeightStore(DEFAULT_ARCHITECTURE, initialValues(DEFAULT_ARCHITECTURE, 7));
  });

  it('has the shapes of docs/model.md at every stage', () => {
    const random = createRandom(3);
    const bags = [testBag(random, '5', 3, false), testBag(random, 'X', 2, true)];
    tf.tidy(() => {
      const batch = toBatchTensors(bags, DEFAULT_ARCHITECTURE.pairMeasures);
      expect(batch.first.shape).toEqual([5, 2, 512]);
      expect(batch.metadata.shape).toEqual([5, 28]);
      expect(batch.membership.shape).toEqual([2, 5]);
      expect(batch.measures?.shape).toEqual([5, PAIR_MEASURE_COUNT]);
      const regions = cmsBlock(batch.first, batch.metadata, weights, DEFAULT_ARCHITECTURE, 'tanh');
      expect(regions.shape).toEqual([5, 16, 64]);
      const hom = homBlock(regions, regions, weights, DEFAULT_ARCHITECTURE, 'tanh', batch.measures);
      expect(hom.pairs.shape).toEqual([5, 128]);
      expect(hom.attention).toHaveLength(2);
      for (const layer of hom.attention) expect(layer.shape).toEqual([10, 4, 16, 16]);
      expect(hom.differenceNorms.shape).toEqual([10, 16]);
      const rowSums = tf.sum(hom.attention[0] as tf.Tensor4D, -1).dataSync();
      for (const sum of rowSums) expect(sum).toBeCloseTo(1, 5);
      const bag = bagBlock(hom.pairs, batch.membership, weights, 'tanh');
      expect(bag.alphas.shape).toEqual([5]);
      expect(bag.logits.shape).toEqual([2]);
      for (const alpha of bag.alphas.dataSync()) expect(alpha > 0 && alpha < 1).toBe(true);
    });
  });

  it('membership averages over each bag', () => {
    const random = createRandom(4);
    const batch = toBatchTensors([testBag(random, '1', 4, false), testBag(random, '2', 1, false)]);
    const rows = batch.membership.arraySync();
    expect(rows[0]).toEqual([0.25, 0.25, 0.25, 0.25, 0]);
    expect(rows[1]).toEqual([0, 0, 0, 0, 1]);
    tf.dispose(Object.values(batch));
  });

  it('counts about 5.7 MFLOP per pair at the default size', () => {
    expect(regionCount(DEFAULT_ARCHITECTURE)).toBe(16);
    const flops = flopsPerPair(DEFAULT_ARCHITECTURE);
    expect(flops).toBeGreaterThan(5e6);
    expect(flops).toBeLessThan(7e6);
  });

  it('refuses malformed bags with a message that names them', () => {
    const random = createRandom(5);
    const good = testBag(random, '7', 1, false);
    expect(() => toBatchTensors([{ type: '7', pairs: [] }])).toThrow(/bag 0 \(type 7\) has no pair/);
    const shortProfile = {
      ...good,
      pairs: [{ ...good.pairs[0], homologs: [new Float32Array(10), new Float32Array(1024)] }],
    };
    expect(() => toBatchTensors([shortProfile as never])).toThrow(
      /bag 0 pair 0 homolog 0: profile has 10 values/,
    );
  });

  // Merge-range ablation (paper Table 4): n_r = 512 / k_mg regions, every shape follows.
  it.each([
    [8, 64],
    [16, 32],
    [64, 8],
  ])('a merge range %i model predicts with %i regions, attention n_r × n_r', async (mergeRange, nr) => {
    const model = await createModel({ seed: 2, backend: 'wasm', architecture: { mergeRange } });
    try {
      expect(regionCount(model.architecture)).toBe(nr);
      const shapes = new Map(parameterSpecs(model.architecture).map((s) => [s.name, s.shape]));
      expect(shapes.get('cms.merge.kernel')).toEqual([2 * mergeRange, 64]);
      expect(shapes.get('cms.info.kernel')).toEqual([28, nr * 64]);
      expect(shapes.get('cms.global.hidden.kernel')).toEqual([nr, 2 * nr]);
      expect(shapes.get('hom.pair.kernel')).toEqual([2 * nr * 64, 128]);
      const bag = testBag(createRandom(8), '3', 2, true);
      const [prediction] = await model.predict([bag]);
      expect(prediction?.pairs).toHaveLength(2);
      const pair = prediction?.pairs[0];
      expect(pair?.attention).toHaveLength(2);
      expect(pair?.attention[0]).toHaveLength(4);
      const head = pair?.attention[1]?.[3];
      expect(head?.oneToTwo.length).toBe(nr * nr);
      expect(head?.twoToOne.length).toBe(nr * nr);
      const firstRow = Array.from(head?.oneToTwo.subarray(0, nr) ?? []);
      expect(firstRow.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(pair?.difference[0].length).toBe(nr);
      // The manifest carries the merge range, so a saved model loads back as the same network.
      const reloaded = await loadModel({ weights: await model.exportArtifacts(), backend: 'wasm' });
      expect(reloaded.architecture.mergeRange).toBe(mergeRange);
      const [again] = await reloaded.predict([bag], { details: false });
      expect(again?.probability).toBeCloseTo(prediction?.probability ?? -1, 5);
      reloaded.dispose();
    } finally {
      model.dispose();
    }
  });
});
