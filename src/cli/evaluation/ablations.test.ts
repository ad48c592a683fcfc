import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, loadModel } from '../../model/load-model';
import type { HomNetModel } from '../../model/homnet-model';
import { testBag } from '../../model/testing/synthetic-bags';
import { writeArtifactsToDirectory } from '../../model/weights/node-files';
import { createRandom } from '../../shared/random';
import type { AblationModel, NotRun } from './ablations';
import { ablationScores, loadAblations, notRunSection } from './ablations';
import { budgetRows, renderBudgets } from './budgets';

/** A small untrained model saved with the given training metadata (what train.ts writes). */
async function savedModel(
  directory: string,
  mergeRange: number,
  training: Record<string, unknown>,
): Promise<void> {
  const model = await createModel({
    seed: 4,
    backend: 'wasm',
    architecture: { mergeRange, pairMeasures: false },
  });
  await writeArtifactsToDirectory(directory, await model.exportArtifacts({ threshold: 0.4, training }));
  model.dispose();
}

describe('evaluation of ablation models', () => {
  let root = '';
  let loaded: { models: AblationModel[]; notRun: NotRun[] } = { models: [], notRun: [] };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'ablations-'));
    const budget = { steps: 20, maxSteps: 20, batch: 8, minutes: 0.5, bestStep: 20, seed: 1 };
    await savedModel(join(root, 'wo-pair'), 16, {
      ...budget,
      variant: 'w/o Pair',
      input: 'single-chromosome',
    });
    await savedModel(join(root, 'other-split'), 32, { ...budget, variant: 'range#32', seed: 2 });
    await mkdir(join(root, 'unfinished', 'checkpoint'), { recursive: true });
    await writeFile(
      join(root, 'unfinished', 'checkpoint', 'state.json'),
      JSON.stringify({ trainer: { step: 300 }, config: { steps: 1500 } }),
    );
    // Trained where train:ablations puts it, but not asked for.
    await savedModel(join(root, 'range-16'), 16, { ...budget, variant: 'range#16' });
    loaded = await loadAblations(
      ['wo-pair', 'other-split', 'unfinished'].map((d) => join(root, d)),
      1,
      root,
    );
  });
  afterAll(async () => {
    for (const m of loaded.models) m.model.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('labels a model from its manifest and keeps how it was fed', () => {
    expect(loaded.models.map((m) => m.label)).toEqual(['w/o Pair']);
    expect(loaded.models[0]?.input).toBe('single-chromosome');
    expect(loaded.models[0]?.model.architecture.mergeRange).toBe(16);
  });

  it('lists models it cannot use, and planned rows without a model, as not run with the reason', () => {
    const reasons = new Map(loaded.notRun.map((n) => [n.label, n.reason]));
    const otherSplit = loaded.notRun.find((n) => n.label.endsWith('other-split'));
    expect(otherSplit?.reason).toMatch(/split seed 2, the evaluation sets use seed 1/);
    const unfinished = loaded.notRun.find((n) => n.label.endsWith('unfinished'));
    expect(unfinished?.reason).toMatch(/checkpoint at step 300 of 1500/);
    for (const planned of ['HomNet (same budget)', 'range#8', 'range#64'])
      expect(reasons.get(planned)).toMatch(/not given with --ablation; no trained model/);
    expect(reasons.get('range#16')).toMatch(/^trained in `.*range-16` but not given with --ablation$/);
    expect(reasons.has('w/o Pair')).toBe(false);
    const section = notRunSection(loaded.notRun).join('\n');
    expect(section).toMatch(/^## Not run/);
    expect(section).toContain('- **range#8**: not given with --ablation');
    expect(section).toContain('[ablations.md](ablations.md)');
  });

  it('feeds a single-chromosome model one homolog per cell as both homologs', async () => {
    const ablation = loaded.models[0];
    if (!ablation) throw new Error('no ablation model loaded');
    const bag = testBag(createRandom(6), '4', 1, true);
    const pair = bag.pairs[0];
    if (!pair) throw new Error('no pair');
    const [first, second] = pair.homologs;
    const [scored] = await ablationScores(
      ablation,
      [{ bag, label: 1, kind: 'deleted', size: 'standard', caseId: 'c' }],
      0,
    );
    const alone = await ablation.model.predict(
      [
        { type: '4', pairs: [{ homologs: [first, first], bandLevel: pair.bandLevel }] },
        { type: '4', pairs: [{ homologs: [second, second], bandLevel: pair.bandLevel }] },
        bag,
      ],
      { details: false },
    );
    const [firstAlone, secondAlone, asPair] = alone.map((p) => p.probability);
    const score = scored?.score ?? -1;
    const matches = [firstAlone, secondAlone].filter((p) => Math.abs((p ?? 2) - score) < 1e-6);
    expect(matches.length).toBeGreaterThan(0);
    expect(Math.abs((asPair ?? 2) - score)).toBeGreaterThan(1e-6);
    expect(scored?.abnormal).toBe(true);
  });

  it('states each row’s training budget and warns when it differs from the shipped model’s', async () => {
    let shipped: HomNetModel | undefined;
    try {
      const fresh = await createModel({
        seed: 1,
        backend: 'wasm',
        architecture: { pairMeasures: true },
      });
      const artifacts = await fresh.exportArtifacts({
        training: {
          steps: 4000,
          bestStep: 4000,
          minutes: 57.33,
          data: 'pki3 crops, artificial abnormalities: 100 % cut into crop images',
        },
      });
      fresh.dispose();
      shipped = await loadModel({ weights: artifacts, backend: 'wasm' });
      const text = renderBudgets(budgetRows(shipped, loaded.models)).join('\n');
      expect(text).toContain('| HomNet (shipped) |');
      expect(text).toMatch(
        /\| HomNet \(shipped\) \| `[^`]+` \| \+ pair measures \| 32 \| pair \| 100 % on images \| 4000 \| 4000 \| not recorded \| 57\.33 \|/,
      );
      expect(text).toMatch(
        /\| w\/o Pair \| `[^`]+` \| paper \| 16 \| single-chromosome \| on profiles \| 20 \| 20 \| 8 \| 0\.5 \|/,
      );
      expect(text).toContain('Unequal budgets: w/o Pair ran 20 steps, the shipped HomNet 4000');
      expect(text).toContain(
        'Other artificial changes: w/o Pair (on profiles); the shipped HomNet 100 % on images',
      );
      expect(text).toContain('Other network: w/o Pair (paper); the shipped HomNet + pair measures.');
      const alone = renderBudgets(budgetRows(shipped, [])).join('\n');
      expect(alone).not.toContain('Unequal budgets');
      expect(alone).not.toContain('Other artificial changes');
      expect(alone).not.toContain('Other network');
    } finally {
      shipped?.dispose();
    }
  });
});
