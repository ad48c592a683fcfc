import { describe, expect, it } from 'vitest';
import { flagsPerCase, thresholdForFalseFlags } from './real-case-scores';

describe('thresholdForFalseFlags', () => {
  // Ten cases of a lab, three type scores each: a few high ones among many low ones.
  const lab = [
    [0.99, 0.2, 0.1],
    [0.95, 0.9, 0.1],
    [0.5, 0.4, 0.3],
    ...Array.from({ length: 7 }, () => [0.1, 0.05, 0.2]),
  ];

  it('keeps every lab at or below the allowed mean of flags per case, as low as it can', () => {
    // 0.3 per case over 10 cases allows 3 flags: 0.99, 0.95 and 0.9 stay flagged, 0.5 does not.
    const threshold = thresholdForFalseFlags([lab], 0.3);
    expect(flagsPerCase(lab, threshold).reduce((s, n) => s + n, 0)).toBe(3);
    expect(threshold).toBeGreaterThan(0.5);
    expect(threshold).toBeLessThan(0.9);
    // A stricter target, and a second lab with higher scores, push it up: the highest lab decides.
    expect(thresholdForFalseFlags([lab], 0.1)).toBeGreaterThan(0.95);
    expect(thresholdForFalseFlags([lab], 0.1)).toBeLessThan(0.99);
    const noisier = lab.map((scores) => scores.map((s) => Math.min(1, s + 0.3)));
    expect(thresholdForFalseFlags([lab, noisier], 0.3)).toBe(thresholdForFalseFlags([noisier], 0.3));
    expect(thresholdForFalseFlags([lab, noisier], 0.3)).toBeGreaterThan(threshold);
  });

  it('needs no threshold above 0 when no lab has enough scores to flag', () => {
    expect(thresholdForFalseFlags([[[0.9]]], 2)).toBe(0);
    expect(flagsPerCase([[0.5, 0.7], [0.2]], 0.6)).toEqual([1, 0]);
  });
});
