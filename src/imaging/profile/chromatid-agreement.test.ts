import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../../shared/profile';
import {
  chromatidAgreement,
  chromatidsDisagree,
  DOUBTFUL_CHROMATID_DISAGREEMENT,
  relativeChromatidDisagreement,
} from './chromatid-agreement';

/** A profile whose halves follow `left` and `right` over `samples` samples (zero after them). */
function profile(samples: number, left: (i: number) => number, right: (i: number) => number): Float32Array {
  const out = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    out[i] = left(i);
    out[PROFILE_LENGTH + i] = right(i);
  }
  return out;
}

const bands = (i: number): number => 0.5 + 0.3 * Math.sin(i / 4);

describe('chromatidAgreement', () => {
  it('is 1 for identical halves, whatever their levels, and ignores the padding', () => {
    expect(
      chromatidAgreement(
        profile(100, bands, (i) => 0.5 * bands(i) + 0.1),
        100,
      ),
    ).toBeCloseTo(1, 6);
  });

  it('is low when one half samples something else (an axis in one chromatid)', () => {
    const other = (i: number): number => 0.5 + 0.3 * Math.sin(i / 2.3 + 1);
    expect(Math.abs(chromatidAgreement(profile(200, bands, other), 200))).toBeLessThan(0.2);
    expect(
      chromatidAgreement(
        profile(100, bands, (i) => 1 - bands(i)),
        100,
      ),
    ).toBeCloseTo(-1, 6);
  });

  it('is 0 for a flat half or too few samples', () => {
    expect(
      chromatidAgreement(
        profile(100, bands, () => 0.4),
        100,
      ),
    ).toBe(0);
    expect(chromatidAgreement(profile(2, bands, bands), 2)).toBe(0);
  });
});

describe('relativeChromatidDisagreement', () => {
  /** Halves that agree to `r` about: the right half mixes in a different pattern. */
  const chromosome = (mix: number) => ({
    profile: profile(120, bands, (i) => (1 - mix) * bands(i) + mix * (0.5 + 0.3 * Math.cos(i / 1.7))),
    samples: 120,
  });

  it("is about 1 for the cell's typical chromosome and large for the one whose centre line failed", () => {
    const cell = [0.4, 0.45, 0.5, 0.42, 0.95].map(chromosome);
    const relative = relativeChromatidDisagreement(cell);
    expect(relative[1]).toBeCloseTo(1, 6);
    expect(relative.slice(0, 4).every((r) => r < DOUBTFUL_CHROMATID_DISAGREEMENT)).toBe(true);
    expect(relative[4]).toBeGreaterThan(DOUBTFUL_CHROMATID_DISAGREEMENT);
    expect(chromatidsDisagree(relative[4])).toBe(true);
    expect(chromatidsDisagree(relative[0])).toBe(false);
  });

  it('does not call noise a failure in a cell whose chromosomes agree almost perfectly', () => {
    const relative = relativeChromatidDisagreement([0, 0, 0.001, 0.05].map(chromosome));
    expect(relative.every((r) => r < DOUBTFUL_CHROMATID_DISAGREEMENT)).toBe(true);
  });

  it('has no reference in a cell of fewer than three chromosomes, and unmeasured is not doubtful', () => {
    expect(relativeChromatidDisagreement([chromosome(0), chromosome(1)])).toEqual([1, 1]);
    expect(chromatidsDisagree(undefined)).toBe(false);
  });
});
