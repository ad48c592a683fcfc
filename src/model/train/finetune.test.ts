import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import type { HomNetModel } from '../homnet-model';
import { createModel } from '../load-model';
import { AdamW } from './adamw';
import type { DatasetCase } from './dataset';
import { syntheticDatasetCases } from '../testing/synthetic-dataset';
import { enableTraining } from './enable-training';
import { isFrozen } from './freeze';
import { fineTune } from './finetune';
import { labBags, labelledCaseBags, parseCaseLabels } from './lab-bags';
import { SMALL_ARCHITECTURE } from '../testing/small-models';

/** Cases of two cells with banded pairs of a few types (homologs are jittered copies). */
function cases(count: number, seed: number): DatasetCase[] {
  return syntheticDatasetCases(count, seed);
}

describe('per-lab fine-tuning', () => {
  let model: HomNetModel | undefined;
  beforeAll(async () => {
    await enableTraining();
  });
  afterEach(() => {
    model?.dispose();
  });

  it('reads labels.json and refuses anything else with the place of the mistake', () => {
    expect(parseCaseLabels({ 'case-1': { '9': 'abnormal' } })).toEqual({ 'case-1': { '9': 'abnormal' } });
    expect(() => parseCaseLabels({ 'case-1': { '9': 'yes' } }, 'labels.json')).toThrow(
      /labels.json: case "case-1" type "9" is "yes"/,
    );
    expect(() => parseCaseLabels([], 'labels.json')).toThrow(/not a JSON object/);
  });

  it('takes a lab’s reviewed abnormal types as they are and balances them with artificial ones', () => {
    const lab = cases(4, 1);
    const labels = { 'case-0': { '9': 'abnormal' as const } };
    const bags = labelledCaseBags(lab[0] as DatasetCase, labels);
    expect(bags.find((b) => b.bag.type === '9')?.label).toBe(1);
    expect(bags.find((b) => b.bag.type === '1')?.label).toBe(0);
    expect(bags.find((b) => b.bag.type === '9')?.bag.pairs).toHaveLength(2);
    const set = labBags(lab, labels, 40, createRandom(2), {
      abnormalRate: 0.5,
      differentTypeRate: 0,
      subtleRate: 0,
      maxBagSize: 2,
      augment: 0,
    });
    expect(set).toHaveLength(40);
    expect(set.filter((b) => b.kind === 'reviewed')).toHaveLength(1);
    // The case with a reviewed abnormality never lends bags to the artificial half.
    expect(set.filter((b) => b.kind !== 'reviewed' && b.caseId === 'case-0')).toHaveLength(0);
  });

  it('keeps CMSBlock and the first alignment layer bit-identical and changes the rest', async () => {
    model = await createModel({
      seed: 9,
      backend: 'wasm',
      architecture: SMALL_ARCHITECTURE,
    });
    const lab = cases(6, 3);
    const before = await model.weights.read();
    const optimizer = new AdamW({ learningRate: 1e-3 });
    const state = await fineTune({
      model,
      optimizer,
      training: lab.slice(0, 4),
      labels: {},
      validation: labBags(lab.slice(4), {}, 16, createRandom(4), {
        abnormalRate: 0.5,
        differentTypeRate: 0,
        subtleRate: 0,
        maxBagSize: 2,
        augment: 0,
      }),
      steps: 6,
      batch: 4,
      evaluateEvery: 3,
      patience: 5,
      seed: 1,
    });
    optimizer.dispose();
    expect(state.step).toBe(6);
    const after = await model.weights.read();
    for (const spec of model.weights.specs) {
      const same = (before.get(spec.name) ?? []).every((v, i) => Object.is(v, after.get(spec.name)?.[i]));
      if (isFrozen(spec, 'fine-tune')) expect(same, spec.name).toBe(true);
    }
    const changed = model.weights.specs.filter(
      (spec) =>
        !isFrozen(spec, 'fine-tune') &&
        !(before.get(spec.name) ?? []).every((v, i) => Object.is(v, after.get(spec.name)?.[i])),
    );
    expect(changed.length).toBeGreaterThan(5);
  });
});
