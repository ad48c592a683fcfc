import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH } from '../../shared/profile';
import { pearson } from '../../shared/statistics';
import {
  orientationWarning,
  profileCropCell,
  readsReversed,
  STRONG_REVERSAL_EVIDENCE,
} from './profile-crop-cell';
import { drawChromosome, type BandPattern } from '../layout/draw-chromosome';
import { reverseProfile, TEMPLATE_BINS } from './banding-orientation';
import { BANDING_TEMPLATES } from './banding-templates-data';
import type { Point } from './medial-axis';

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

  it('turns a crop delivered upside down when its banding says so clearly, and a whole upside-down cell', () => {
    // A vertical chromosome drawn from p-ter to q-ter: downwards is upright, upwards upside down.
    const top = { x: 20, y: 10 };
    const bottom = { x: 20, y: 150 };
    const upright = (): GrayImage => drawn([top, bottom], 40, 160);
    const upsideDown = (): GrayImage => drawn([bottom, top], 40, 160);
    const profile = (images: GrayImage[]) =>
      profileCropCell(
        images.map((image, homolog) => ({ type: '1', homolog, image, source: `1_${homolog}.png` })),
      ).chromosomes;
    const [reference] = profile([upright()]);
    if (!reference) throw new Error('a profile expected');
    const truth = meanDarkness(reference.profile, reference.samples);
    const agreement = (c: { profile: Float32Array; samples: number }): number =>
      pearson(meanDarkness(c.profile, c.samples), truth, Math.min(c.samples, reference.samples));

    // One crop of eight upside down: the cell keeps its convention, and this drawing's banding (evidence
    // about 0.38) is not strong enough on its own to overrule it.
    const mixed = profile([...Array.from({ length: 7 }, upright), upsideDown()]);
    expect(mixed.map((c) => c.orientedByBanding)).toEqual(Array<boolean>(8).fill(false));
    for (const c of mixed.slice(0, 7)) expect(agreement(c)).toBeGreaterThan(0.9);

    // A whole cell upside down (a lab with p-ter at the bottom): every crop is turned, and the reviewer
    // is told which.
    const whole = profileCropCell(
      Array.from({ length: 8 }, (_, homolog) => ({
        type: '1' as const,
        homolog,
        image: upsideDown(),
        source: `cells/a/1_${homolog}.png`,
      })),
    );
    for (const c of whole.chromosomes) {
      expect(c.orientedByBanding).toBe(true);
      expect(agreement(c)).toBeGreaterThan(0.9);
    }
    expect(orientationWarning(whole)).toBe(
      `p-ter read from the banding (crop lying flat or upside down): ${whole.chromosomes.map((_, h) => `1_${h}.png`).join(', ')}`,
    );
    expect(
      orientationWarning(profileCropCell([{ type: '1', homolog: 0, image: upright(), source: 'x' }])),
    ).toBeNull();
  });

  it('overrules an upright crop only on strong evidence, unless its whole cell is upside down', () => {
    const strong = STRONG_REVERSAL_EVIDENCE + 0.05;
    const weak = STRONG_REVERSAL_EVIDENCE - 0.05;
    expect(readsReversed(strong, false, false)).toBe(true);
    expect(readsReversed(weak, false, false)).toBe(false);
    expect(readsReversed(-weak, false, true)).toBe(true);
    expect(readsReversed(-strong, false, true)).toBe(false);
    // Lying flat, the banding alone decides; without a template, the crop's convention does.
    expect(readsReversed(0.01, true, false)).toBe(true);
    expect(readsReversed(-0.01, true, true)).toBe(false);
    expect(readsReversed(null, true, true)).toBe(false);
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
