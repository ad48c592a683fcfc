import { describe, expect, it } from 'vitest';
import { MEASURE_SCALES, PAIR_MEASURES, pairMeasures, rawPairMeasures } from './pair-measures';
import { bandedProfile, TEST_BANDS } from './testing/banded-profile';

const banded = (bands: readonly number[], samples: number): Float32Array =>
  bandedProfile(bands, samples, 0.95);
const BANDS = TEST_BANDS;
const index = (name: (typeof PAIR_MEASURES)[number]): number => PAIR_MEASURES.indexOf(name);

describe('pair measures', () => {
  it('are all zero for two identical homologs', () => {
    const a = banded(BANDS, 300);
    for (const value of rawPairMeasures(a, a)) expect(value).toBeCloseTo(0, 6);
  });

  it('are exactly the same whichever homolog comes first', () => {
    const a = banded(BANDS, 300);
    const b = banded([...BANDS.slice(0, 5), ...BANDS.slice(5, 9).reverse(), ...BANDS.slice(9)], 287);
    expect(pairMeasures(a, b)).toEqual(pairMeasures(b, a));
  });

  it('see a shortened homolog in the length ratio', () => {
    const a = banded(BANDS, 300);
    const deleted = banded(BANDS.slice(0, 13), 244);
    expect(rawPairMeasures(a, deleted)[index('length ratio')]).toBeCloseTo(Math.log(300 / 244), 6);
  });

  it('see an inverted piece of the same length in the band order, not in the length', () => {
    const a = banded(BANDS, 320);
    const inverted = banded([...BANDS.slice(0, 4), ...BANDS.slice(4, 10).reverse(), ...BANDS.slice(10)], 320);
    const measures = rawPairMeasures(a, inverted);
    expect(measures[index('length ratio')]).toBe(0);
    // Far above what normal pairs of the training cases show on average (MEASURE_SCALES).
    expect(measures[index('band decorrelation')]).toBeGreaterThan(
      MEASURE_SCALES[index('band decorrelation')] ?? 1,
    );
    expect(measures[index('local mismatch')]).toBeGreaterThan(
      3 * (MEASURE_SCALES[index('local mismatch')] ?? 1),
    );
  });

  it('are scaled to the network by MEASURE_SCALES', () => {
    const a = banded(BANDS, 300);
    const b = banded(BANDS.slice(0, 14), 262);
    const raw = rawPairMeasures(a, b);
    pairMeasures(a, b).forEach((value, i) => {
      expect(value).toBeCloseTo((raw[i] ?? 0) / (MEASURE_SCALES[i] ?? 1), 6);
    });
    expect(MEASURE_SCALES).toHaveLength(PAIR_MEASURES.length);
  });
});
