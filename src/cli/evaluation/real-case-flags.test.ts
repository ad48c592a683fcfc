import { describe, expect, it } from 'vitest';
import { loadModel } from '../../model/load-model';
import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import { initialValues } from '../../model/parameters';
import { packWeights } from '../../model/weights/manifest';
import { flaggedTypesPerCase, summariseFalseFlags, type RealCaseCrops } from './real-case-flags';
import { syntheticCropCase } from '../../pipeline/testing/synthetic-crop-case';

describe('flaggedTypesPerCase', () => {
  const cases: RealCaseCrops = new Map([
    ['a', syntheticCropCase(1)],
    ['b', syntheticCropCase(2)],
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
