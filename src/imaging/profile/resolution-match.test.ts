import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../../shared/profile';
import { blurProfile, REFERENCE_SAMPLES_PER_PIXEL, sigmaForScale } from './resolution-match';

/** A profile of `samples` samples: bands of period 8 on the left, a flat 0.6 on the right. */
function profile(samples: number): Float32Array {
  const out = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    out[i] = 0.5 + 0.3 * Math.sign(Math.sin((Math.PI * i) / 4));
    out[PROFILE_LENGTH + i] = 0.6;
  }
  return out;
}

describe('sigmaForScale', () => {
  it('blurs only cells at a finer scale than the reference, by the extra length of a reference pixel', () => {
    expect(sigmaForScale(REFERENCE_SAMPLES_PER_PIXEL)).toBe(0);
    expect(sigmaForScale(3.6)).toBe(0);
    expect(sigmaForScale(1.65)).toBeCloseTo(Math.sqrt(2.75 ** 2 - 1.65 ** 2), 6);
  });
});

describe('blurProfile', () => {
  it('softens fine bands, keeps a flat stretch flat up to the tips, and keeps the padding at 0', () => {
    const blurred = blurProfile(profile(100), 100, 2.2);
    const contrast = (p: Float32Array): number => {
      const inner = [...p.subarray(10, 90)];
      return Math.max(...inner) - Math.min(...inner);
    };
    expect(contrast(blurred)).toBeLessThan(0.6 * contrast(profile(100)));
    for (const i of [0, 1, 50, 98, 99]) expect(blurred[PROFILE_LENGTH + i]).toBeCloseTo(0.6, 6);
    expect(blurred.subarray(100, PROFILE_LENGTH).every((v) => v === 0)).toBe(true);
    expect(blurred.subarray(PROFILE_LENGTH + 100).every((v) => v === 0)).toBe(true);
  });

  it('returns the profile itself when there is nothing to blur', () => {
    const p = profile(50);
    expect(blurProfile(p, 50, 0)).toBe(p);
    expect(blurProfile(p, 50, 0.05)).toBe(p);
  });
});
