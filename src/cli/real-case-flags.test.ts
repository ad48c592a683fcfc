import { describe, expect, it } from 'vitest';
import type { TypedChromosomeImage } from '../imaging/crop-cell-profiles';
import { cropBundle } from '../karyotype/crop-bundle';
import { generateCase } from '../karyotype/synthetic-case';
import { loadModel } from '../model';
import { DEFAULT_ARCHITECTURE } from '../model/architecture';
import { initialValues } from '../model/parameters';
import { packWeights } from '../model/weights/manifest';
import type { ChromosomeType } from '../shared/chromosome-types';
import { flaggedTypesPerCase, summariseFalseFlags, type RealCaseCrops } from './real-case-flags';

/** A synthetic 46,XX case of two cells as crops, the way a crop-bundle folder reads. */
function cropCase(seed: number): Map<string, TypedChromosomeImage[]> {
  const cells = new Map<string, TypedChromosomeImage[]>();
  for (const crop of cropBundle(generateCase({ karyotype: '46,XX', cells: 2, level: 400, seed }))) {
    const [cellId = '', name = ''] = crop.path.split('/');
    const [type = '', homolog = '0'] = name.replace('.png', '').split('_');
    const crops = cells.get(cellId) ?? [];
    crops.push({
      type: type as ChromosomeType,
      homolog: Number(homolog),
      image: crop.image,
      source: crop.path,
    });
    cells.set(cellId, crops);
  }
  return cells;
}

describe('flaggedTypesPerCase', () => {
  const cases: RealCaseCrops = new Map([
    ['a', cropCase(1)],
    ['b', cropCase(2)],
  ]);

  it('counts the types at or above the threshold in each case, scored as the app scores one', async () => {
    const values = initialValues(DEFAULT_ARCHITECTURE, 3);
    const every = await loadModel({
      weights: await packWeights(DEFAULT_ARCHITECTURE, values, { threshold: 0 }),
      backend: 'cpu',
    });
    const none = await loadModel({
      weights: await packWeights(DEFAULT_ARCHITECTURE, values, { threshold: 1 }),
      backend: 'cpu',
    });
    try {
      // 22 autosomes and X, each with a pair in both cells.
      expect(await flaggedTypesPerCase(every, cases)).toEqual([23, 23]);
      expect(await flaggedTypesPerCase(none, cases)).toEqual([0, 0]);
    } finally {
      every.dispose();
      none.dispose();
    }
  }, 60_000);
});

describe('summariseFalseFlags', () => {
  it('gives the total, the cases without a flag, the median and the most', () => {
    expect(summariseFalseFlags([0, 2, 0, 1, 4])).toEqual({ cases: 5, flags: 7, none: 2, median: 1, max: 4 });
    expect(summariseFalseFlags([])).toEqual({ cases: 0, flags: 0, none: 0, median: 0, max: 0 });
  });
});
