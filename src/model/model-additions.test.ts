import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import type { HomNetArchitecture } from './architecture';
import type { HomNetModel } from './homnet-model';
import type { BagInput } from './inputs';
import { createModel, loadModel } from './load-model';
import { modelsDisposedAfterEach, SMALL_ARCHITECTURE } from './testing/small-models';
import { testBag } from './testing/synthetic-bags';
import { parseManifest } from './weights/manifest';

/** Overwrites some weights of a model (the others keep their values). */
async function setWeights(model: HomNetModel, changes: Record<string, (i: number) => number>): Promise<void> {
  const values = await model.weights.read();
  for (const [name, valueAt] of Object.entries(changes)) {
    const data = values.get(name);
    if (!data) throw new Error(`no weight ${name}`);
    for (let i = 0; i < data.length; i++) data[i] = valueAt(i);
  }
  model.weights.assign(values);
}

function swapped(bag: BagInput): BagInput {
  return {
    ...bag,
    pairs: bag.pairs.map((p) => ({ ...p, homologs: [p.homologs[1], p.homologs[0]] as const })),
  };
}

const probabilities = async (model: HomNetModel, bags: BagInput[]): Promise<number[]> =>
  (await model.predict(bags, { details: false })).map((p) => p.probability);

describe("HomNet's pair measures and position bias (docs/model.md, going further)", () => {
  const models = modelsDisposedAfterEach();
  const both: Partial<HomNetArchitecture> = { ...SMALL_ARCHITECTURE, pairMeasures: true, positionBias: true };

  it('start at zero: a new model predicts as the paper network with the same seed', async () => {
    const paper = await createModel({
      seed: 5,
      backend: 'wasm',
      architecture: { ...SMALL_ARCHITECTURE, pairMeasures: false, positionBias: false },
    });
    const ours = await createModel({ seed: 5, backend: 'wasm', architecture: both });
    models.push(paper, ours);
    const random = createRandom(6);
    const bags = [testBag(random, '4', 3, true), testBag(random, '21', 1, false)];
    expect(await probabilities(ours, bags)).toEqual(await probabilities(paper, bags));
  });

  it('keep the verdict, the bag weights and the attention invariant to swapping the homologs', async () => {
    const model = await createModel({ seed: 7, backend: 'wasm', architecture: both });
    models.push(model);
    await setWeights(model, {
      'hom.measures.kernel': (i) => Math.sin(i * 0.7),
      'hom.align0.position': (i) => Math.cos(i * 1.3),
      'hom.align1.position': (i) => 0.5 * Math.sin(i),
    });
    const bag = testBag(createRandom(8), '11', 3, true);
    const [a, b] = await model.predict([bag, swapped(bag)]);
    if (!a || !b) throw new Error('no prediction');
    expect(Math.abs(a.probability - b.probability)).toBeLessThanOrEqual(1e-6);
    a.pairs.forEach((pair, i) => {
      expect(Math.abs(pair.alpha - (b.pairs[i]?.alpha ?? Number.NaN))).toBeLessThanOrEqual(1e-6);
    });
  });

  it('let the measures change the verdict once their weights are trained', async () => {
    const model = await createModel({ seed: 9, backend: 'wasm', architecture: both });
    models.push(model);
    const bags = [testBag(createRandom(10), '2', 2, true)];
    const before = await probabilities(model, bags);
    await setWeights(model, { 'hom.measures.kernel': (i) => (i % 3) - 1 });
    expect(await probabilities(model, bags)).not.toEqual(before);
  });

  it('let a head prefer matches at the same place: a strong bias at offset 0 makes its attention diagonal', async () => {
    const model = await createModel({ seed: 11, backend: 'wasm', architecture: both });
    models.push(model);
    const regions = 512 / 32;
    // Row h of [heads, 2·n_r − 1]: offset z − e = 0 sits at column n_r − 1.
    await setWeights(model, {
      'hom.align0.position': (i) => (i % (2 * regions - 1) === regions - 1 ? 50 : 0),
    });
    const [prediction] = await model.predict([testBag(createRandom(12), '6', 1, true)]);
    const attention = prediction?.pairs[0]?.attention[0];
    if (!attention) throw new Error('no attention');
    for (const head of attention) {
      for (let e = 0; e < regions; e++) expect(head.oneToTwo[e * regions + e]).toBeGreaterThan(0.99);
    }
  });

  it('are off in a model file written before they existed, which loads and predicts as before', async () => {
    const paper = await createModel({
      seed: 13,
      backend: 'wasm',
      architecture: { ...SMALL_ARCHITECTURE, pairMeasures: false, positionBias: false },
    });
    models.push(paper);
    const artifacts = await paper.exportArtifacts({ threshold: 0.5 });
    // The manifest as an older file has it: read back from JSON without the two keys.
    const json = JSON.parse(JSON.stringify(artifacts.manifest)) as { architecture: Record<string, unknown> };
    delete json.architecture.pairMeasures;
    delete json.architecture.positionBias;
    const older = { ...artifacts, manifest: parseManifest(json) };
    const loaded = await loadModel({ weights: older, backend: 'wasm' });
    models.push(loaded);
    expect(loaded.architecture.pairMeasures).toBe(false);
    expect(loaded.architecture.positionBias).toBe(false);
    const bags = [testBag(createRandom(14), '9', 2, true)];
    expect(await probabilities(loaded, bags)).toEqual(await probabilities(paper, bags));
  });
});
