import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../shared/gray-image';
import { PROFILE_LENGTH } from '../shared/profile';
import { pearson } from '../shared/statistics';
import { profileCropCell } from './crop-cell-profiles';
import { drawChromosome, type BandPattern } from './layout/draw-chromosome';
import { reverseProfile, TEMPLATE_BINS } from './profile/banding-orientation';
import { BANDING_TEMPLATES } from './profile/banding-templates-data';
import type { Point } from './profile/medial-axis';

/** Chromosome 1's typical banding (its template), p-ter at t = 0. */
const chromosome1: BandPattern = (t) => {
  const template = BANDING_TEMPLATES['1'] ?? [];
  const x = Math.min(TEMPLATE_BINS - 1, Math.max(0, t * TEMPLATE_BINS - 0.5));
  const i = Math.floor(x);
  const a = template[i] ?? 0;
  const b = template[Math.min(TEMPLATE_BINS - 1, i + 1)] ?? a;
  return a + (b - a) * (x - i);
};

function drawn(path: readonly Point[], width: number, height: number): GrayImage {
  const image = createGrayImage(width, height, 255);
  drawChromosome(image, path, 14, chromosome1);
  return image;
}

function meanDarkness(profile: Float32Array, samples: number): Float32Array {
  return Float32Array.from(
    { length: samples },
    (_, i) => ((profile[i] ?? 0) + (profile[PROFILE_LENGTH + i] ?? 0)) / 2,
  );
}

describe('crops turned on their side', () => {
  it('reads p-ter from the banding when a crop lies flat, whichever way it was turned', () => {
    const upright = drawn(
      [
        { x: 20, y: 10 },
        { x: 20, y: 150 },
      ],
      40,
      160,
    );
    const pterRight = drawn(
      [
        { x: 150, y: 20 },
        { x: 10, y: 20 },
      ],
      160,
      40,
    );
    const pterLeft = drawn(
      [
        { x: 10, y: 20 },
        { x: 150, y: 20 },
      ],
      160,
      40,
    );
    const cell = profileCropCell(
      [upright, pterRight, pterLeft].map((image, homolog) => ({
        type: '1',
        homolog,
        image,
        source: `1_${homolog}.png`,
      })),
    );
    const [reference, right, left] = cell.chromosomes;
    if (!reference || !right || !left) throw new Error('three profiles expected');
    expect(reference.orientedByBanding).toBe(false);
    expect(right.orientedByBanding).toBe(true);
    expect(left.orientedByBanding).toBe(true);
    const truth = meanDarkness(reference.profile, reference.samples);
    for (const turned of [right, left]) {
      expect(Math.abs(turned.samples - reference.samples)).toBeLessThanOrEqual(2);
      const n = Math.min(turned.samples, reference.samples);
      expect(pearson(meanDarkness(turned.profile, turned.samples), truth, n)).toBeGreaterThan(0.9);
    }
  });

  it('reverses a profile along its length and swaps its halves, keeping the padding at the end', () => {
    const profile = new Float32Array(2 * PROFILE_LENGTH);
    profile.set([0.1, 0.2, 0.3], 0);
    profile.set([0.4, 0.5, 0.6], PROFILE_LENGTH);
    const reversed = reverseProfile(profile, 3);
    expect(Array.from(reversed.subarray(0, 4))).toEqual([0.6, 0.5, 0.4, 0].map(Math.fround));
    expect(Array.from(reversed.subarray(PROFILE_LENGTH, PROFILE_LENGTH + 4))).toEqual(
      [0.3, 0.2, 0.1, 0].map(Math.fround),
    );
    expect(reverseProfile(reversed, 3)).toEqual(profile);
  });
});
