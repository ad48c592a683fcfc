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

describe("HomNet's pair measures (our addition to Eq. 8, MODEL_CARD.md)", () => {
  const models = modelsDisposedAfterEach();
  const withMeasures: Partial<HomNetArchitecture> = { ...SMALL_ARCHITECTURE, pairMeasures: true };
  const paperNetwork: Partial<HomNetArchitecture> = { ...SMALL_ARCHITECTURE, pairMeasures: false };

  it('start at zero: a new model predicts as the paper network with the same seed', async () => {
    const paper = await createModel({ seed: 5, backend: 'wasm', architecture: paperNetwork });
    const ours = await createModel({ seed: 5, backend: 'wasm', architecture: withMeasures });
    models.push(paper, ours);
    const random = createRandom(6);
    const bags = [testBag(random, '4', 3, true), testBag(random, '21', 1, false)];
    expect(await probabilities(ours, bags)).toEqual(await probabilities(paper, bags));
  });

  it('keep the verdict and the bag weights invariant to swapping the homologs', async () => {
    const model = await createModel({ seed: 7, backend: 'wasm', architecture: withMeasures });
    models.push(model);
    await setWeights(model, { 'hom.measures.kernel': (i) => Math.sin(i * 0.7) });
    const bag = testBag(createRandom(8), '11', 3, true);
    const [a, b] = await model.predict([bag, swapped(bag)]);
    if (!a || !b) throw new Error('no prediction');
    expect(Math.abs(a.probability - b.probability)).toBeLessThanOrEqual(1e-6);
    a.pairs.forEach((pair, i) => {
      expect(Math.abs(pair.alpha - (b.pairs[i]?.alpha ?? Number.NaN))).toBeLessThanOrEqual(1e-6);
    });
  });

  it('change the verdict once their weights are trained', async () => {
    const model = await createModel({ seed: 9, backend: 'wasm', architecture: withMeasures });
    models.push(model);
    const bags = [testBag(createRandom(10), '2', 2, true)];
    const before = await probabilities(model, bags);
    await setWeights(model, { 'hom.measures.kernel': (i) => (i % 3) - 1 });
    expect(await probabilities(model, bags)).not.toEqual(before);
  });

  it('are off in a model file written before they existed, which loads and predicts as before', async () => {
    const paper = await createModel({ seed: 13, backend: 'wasm', architecture: paperNetwork });
    models.push(paper);
    const artifacts = await paper.exportArtifacts({ threshold: 0.5 });
    // The manifest as an older file has it: read back from JSON without the key.
    const json = JSON.parse(JSON.stringify(artifacts.manifest)) as { architecture: Record<string, unknown> };
    delete json.architecture.pairMeasures;
    const older = { ...artifacts, manifest: parseManifest(json) };
    const loaded = await loadModel({ weights: older, backend: 'wasm' });
    models.push(loaded);
    expect(loaded.architecture.pairMeasures).toBe(false);
    const bags = [testBag(createRandom(14), '9', 2, true)];
    expect(await probabilities(loaded, bags)).toEqual(await probabilities(paper, bags));
  });
});
