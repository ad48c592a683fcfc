import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { HomNetModel } from '../../model/homnet-model';
import { createModel } from '../../model/load-model';
import { syntheticDatasetCases } from '../../model/testing/synthetic-dataset';
import { isFrozen } from '../../model/train/freeze';
import { unpackWeights } from '../../model/weights/manifest';
import type { FineTuneProgress, FineTuneSettings } from '../finetune-api';
import { runLabFineTune } from './lab-finetune';
import { summaryOfManifest } from './lab-models';
import { SMALL_ARCHITECTURE } from '../../model/testing/small-models';

const SETTINGS: FineTuneSettings = {
  tuningShare: 0.4,
  steps: 6,
  batch: 4,
  evaluationBags: 24,
  earlyStoppingBags: 16,
  seed: 5,
};

const sameBits = (a: Float32Array | undefined, b: Float32Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('fine-tuning in the worker (runLabFineTune)', () => {
  let parent: HomNetModel | undefined;
  afterEach(() => {
    parent?.dispose();
  });

  it('leaves CMSBlock and the first alignment layer bit-identical, changes the rest, never touches the loaded model', async () => {
    parent = await createModel({
      seed: 11,
      backend: 'wasm',
      architecture: SMALL_ARCHITECTURE,
      id: 'homnet-parent',
    });
    const parentWeights = await parent.weights.read();
    const tensorsBefore = tf.memory().numTensors;
    const lab = syntheticDatasetCases(5, 21);
    const progress: FineTuneProgress[] = [];
    const output = await runLabFineTune({
      parent,
      cases: lab,
      labels: { 'case-0': { '9': 'abnormal', '1': 'normal' }, 'case-1': { '2': 'abnormal' } },
      settings: SETTINGS,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    });
    // The copy, its optimiser state and every intermediate are freed; only the artifacts remain.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const tuned = await unpackWeights(output.artifacts);
    for (const spec of parent.weights.specs) {
      if (isFrozen(spec, 'fine-tune'))
        expect(sameBits(tuned.get(spec.name), parentWeights.get(spec.name)), spec.name).toBe(true);
    }
    const changed = parent.weights.specs.filter(
      (spec) => !isFrozen(spec, 'fine-tune') && !sameBits(tuned.get(spec.name), parentWeights.get(spec.name)),
    );
    expect(changed.length).toBeGreaterThan(5);
    // The loaded model is the lab's current one until it decides otherwise.
    const afterwards = await parent.weights.read();
    for (const spec of parent.weights.specs)
      expect(sameBits(afterwards.get(spec.name), parentWeights.get(spec.name))).toBe(true);

    const manifest = output.artifacts.manifest;
    expect(manifest.id).toBe(`homnet-${manifest.sha256.slice(0, 12)}`);
    expect(manifest.parentId).toBe('homnet-parent');
    const summary = summaryOfManifest(manifest);
    // 40 % of 5 cases: 2 to fine-tune on, 3 held back, 2 cells each.
    expect(summary.training?.cases).toEqual({ tuning: 2, heldBack: 3 });
    expect(summary.training?.cells).toEqual({ tuning: 4, heldBack: 6 });
    expect(summary.training?.steps).toBeLessThanOrEqual(SETTINGS.steps);
    expect(summary.training?.fineTunedFrom).toBe('homnet-parent');
    expect(JSON.stringify(manifest.training)).not.toMatch(/case-\d/);

    expect(output.before.bags).toBe(SETTINGS.evaluationBags);
    expect(output.after.bags).toBe(SETTINGS.evaluationBags);
    expect(output.before.threshold).toBe(parent.info.threshold);
    expect(output.after.threshold).toBe(manifest.threshold);
    for (const figures of [output.before, output.after]) {
      expect(figures.auc).toBeGreaterThanOrEqual(0);
      expect(figures.auc).toBeLessThanOrEqual(1);
      expect(figures.roc[0]).toEqual({ falsePositiveRate: 0, truePositiveRate: 0 });
      expect(figures.roc.at(-1)).toEqual({ falsePositiveRate: 1, truePositiveRate: 1 });
    }
    const phases = [...new Set(progress.map((p) => p.phase))];
    expect(phases).toEqual(['reading', 'scoring-before', 'training', 'choosing-threshold', 'scoring-after']);
    const training = progress.filter((p) => p.phase === 'training');
    expect(training.map((p) => p.step)).toEqual(training.map((_, i) => i + 1));
    expect(training.at(-1)?.etaSeconds).toBe(0);
  });

  it('stops at the next step when cancelled and reports an AbortError', async () => {
    parent = await createModel({ seed: 12, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    const controller = new AbortController();
    const steps: number[] = [];
    const run = runLabFineTune({
      parent,
      cases: syntheticDatasetCases(5, 22),
      labels: {},
      settings: { ...SETTINGS, steps: 50 },
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase !== 'training') return;
        steps.push(p.step);
        if (p.step === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(Math.max(...steps)).toBe(2);
  });

  it('refuses a pick that leaves no case on one side, saying how many are needed', async () => {
    parent = await createModel({ seed: 13, backend: 'wasm', architecture: SMALL_ARCHITECTURE });
    await expect(
      runLabFineTune({
        parent,
        cases: syntheticDatasetCases(2, 23),
        labels: {},
        settings: { ...SETTINGS, tuningShare: 0.2 },
        signal: new AbortController().signal,
        onProgress: () => undefined,
      }),
    ).rejects.toThrow(/one side would be empty\. Pick more cases \(at least 3\)/);
  });
});
