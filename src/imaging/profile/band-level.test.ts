import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import { PROFILE_LENGTH, emptyProfile } from '../../shared/profile';
import { countDarkBands, estimateBandLevel, type BandCountInput } from './band-level';

/** A profile of `samples` samples with `bands` evenly spaced dark bands on both halves. */
function bandedProfile(samples: number, bands: number): Float32Array {
  const profile = emptyProfile();
  for (let i = 0; i < samples; i++) {
    const v = 0.45 - 0.25 * Math.cos((2 * Math.PI * bands * (i + 0.5)) / samples);
    profile[i] = v;
    profile[PROFILE_LENGTH + i] = v;
  }
  return profile;
}

function cell(bandsPerChromosome: number, samples = 400): BandCountInput[] {
  return CHROMOSOME_TYPES.filter((t) => t !== 'Y').flatMap((type) =>
    [0, 1].map(() => ({ type, profile: bandedProfile(samples, bandsPerChromosome), samples })),
  );
}

describe('band level', () => {
  it('counts the dark bands of a profile', () => {
    expect(countDarkBands(bandedProfile(400, 7), 400, 4)).toBe(7);
    expect(countDarkBands(bandedProfile(400, 1), 400, 4)).toBe(1);
    expect(countDarkBands(emptyProfile(), 0, 4)).toBe(0);
  });

  it('maps more bands per haploid set to a higher level', () => {
    // 23 types × (2 × 6 + 1) = 299 bands → 300; 23 × (2 × 11 + 1) = 529 → 550.
    const low = estimateBandLevel(cell(6), 4);
    const high = estimateBandLevel(cell(11), 4);
    expect(low.value).toBe(300);
    expect(high.value).toBe(550);
    expect(low.bandsPerHaploidSet).toBeCloseTo(299, 0);
    expect(low.confidence).toBeGreaterThan(0.8);
    expect(high.overridden).toBe(false);
  });

  it('is less sure between two levels and when bands are finer than the image resolves', () => {
    // 23 × (2 × 7.5 + 1) ≈ 368: close to the 300/400 boundary (346).
    const between = estimateBandLevel(
      cell(7).map((c, i) => (i % 2 === 0 ? { ...c, profile: bandedProfile(400, 8) } : c)),
      4,
    );
    expect(between.confidence).toBeLessThan(estimateBandLevel(cell(6), 4).confidence);
    // The same bands over a tenth of the pixels: under 2 px apart.
    const crowded = estimateBandLevel(cell(6, 40), 4);
    expect(crowded.confidence).toBeLessThan(0.6);
  });

  it('accepts the user override with full confidence', () => {
    const override = estimateBandLevel(cell(6), 4, 700);
    expect(override).toMatchObject({ value: 700, confidence: 1, overridden: true });
    expect(override.bandsPerHaploidSet).toBeCloseTo(299, 0);
  });
});
