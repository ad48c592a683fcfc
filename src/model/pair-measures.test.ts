import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../shared/profile';
import { MEASURE_SCALES, PAIR_MEASURES, pairMeasures, rawPairMeasures } from './pair-measures';

/** A banded chromosome of `samples` samples: darkness from a fixed list of bands, both rows alike. */
function banded(bands: readonly number[], samples: number): Float32Array {
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    const band = bands[Math.floor((i / samples) * bands.length)] ?? 0;
    profile[i] = band;
    profile[PROFILE_LENGTH + i] = band * 0.95;
  }
  return profile;
}

const BANDS = [0.2, 0.8, 0.3, 0.9, 0.25, 0.6, 0.15, 0.85, 0.4, 0.7, 0.2, 0.95, 0.35, 0.5, 0.1, 0.75];
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
