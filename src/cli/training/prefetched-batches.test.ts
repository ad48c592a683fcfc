import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cropBundle } from '../../karyotype/crop-bundle';
import { generateCase } from '../../karyotype/synthetic-case';
import type { SampledBag } from '../../model/train/bag-sampler';
import { writeGrayPng } from '../common/synth-png';
import { prefetchedBatches } from './prefetched-batches';
import type { TrainingCases } from './training-data';
import { drawTrainingBatch, loadTrainingCases } from './training-data';
import type { TrainConfig } from './train-options';
import { readTrainOptions } from './train-options';

/** What a batch holds, profiles as plain numbers, so that two batches compare value for value. */
function contents(bags: readonly SampledBag[]): unknown[] {
  return bags.map((b) => ({
    label: b.label,
    kind: b.kind,
    caseId: b.caseId,
    type: b.bag.type,
    pairs: b.bag.pairs.map((p) => p.homologs.map((h) => Array.from(h))),
  }));
}

describe('training batches drawn ahead in another process', () => {
  let root: string;
  let config: TrainConfig;
  let cases: TrainingCases;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'homnet-prefetch-'));
    for (const [index, karyotype] of ['46,XX', '46,XY', '46,XX'].entries()) {
      const synthetic = generateCase({ karyotype, cells: 2, level: 400, seed: 20 + index });
      for (const crop of cropBundle(synthetic))
        writeGrayPng(join(root, 'lab', `case${index}`, crop.path), crop.image);
    }
    config = readTrainOptions([
      '--data',
      join(root, 'lab'),
      '--out',
      join(root, 'model'),
      '--batch',
      '6',
    ]).config;
    cases = await loadTrainingCases(config, true);
  }, 120_000);
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives every step the batch this process would draw, most of them drawn by the other', async () => {
    const source = prefetchedBatches(config, (step) => drawTrainingBatch(config, cases, step));
    try {
      expect(await source.ready).toBe(true);
      for (let step = 0; step < 6; step++) {
        const batch = await source.batch(step);
        expect(contents(batch)).toEqual(contents(drawTrainingBatch(config, cases, step)));
      }
      // Step 0 was asked for when nothing was ahead yet; every later one had been drawn ahead.
      expect(source.counts()).toEqual({ prefetched: 5, here: 1 });
      // Image-level changes are among them, so the other process cut crops as this one does.
      expect(cases.editor).toBeDefined();
    } finally {
      source.close();
    }
  }, 120_000);

  it('goes on drawing here, with a message, when the other process cannot run', async () => {
    const failures: string[] = [];
    const source = prefetchedBatches(config, (step) => drawTrainingBatch(config, cases, step), {
      script: new URL('./no-such-batch-process.ts', import.meta.url),
      onFailure: (message) => failures.push(message),
    });
    try {
      expect(await source.ready).toBe(false);
      for (let step = 0; step < 3; step++)
        expect(contents(await source.batch(step))).toEqual(contents(drawTrainingBatch(config, cases, step)));
      expect(source.counts()).toEqual({ prefetched: 0, here: 3 });
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/batch process stopped/);
    } finally {
      source.close();
    }
  }, 60_000);
});
