import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH } from '../../shared/profile';
import { drawChromosome, type BandPattern } from '../layout/draw-chromosome';
import type { Point } from './medial-axis';
import { LONGEST_FILL, profilesForCell } from './common-scale-profiles';
import { pearson } from '../../shared/statistics';

/** Bands: smooth alternation with `bands` dark bands over the length. */
const wavy =
  (bands: number): BandPattern =>
  (t) =>
    0.45 + 0.3 * Math.sin(2 * Math.PI * bands * t + 0.7);

function crop(path: readonly Point[], width: number, height: number, pattern: BandPattern): GrayImage {
  const image = createGrayImage(width, height, 255);
  drawChromosome(image, path, 14, pattern);
  return image;
}

/** The drawn truth sampled like the profile: along the chromosome, caps included. */
function truthProfile(pattern: BandPattern, samples: number, capFraction: number): Float32Array {
  const out = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    const t = (i / (samples - 1) - capFraction) / (1 - 2 * capFraction);
    out[i] = pattern(Math.min(1, Math.max(0, t)));
  }
  return out;
}

describe('profilesForCell', () => {
  it('samples straight and bent chromosomes along the axis, p-ter first, correlating with the truth', () => {
    const pattern = wavy(5);
    const straight = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 130 },
      ],
      40,
      140,
      pattern,
    );
    const bentPath = Array.from({ length: 31 }, (_, k) => {
      const angle = -Math.PI / 2 + (Math.PI * k) / 30;
      return { x: 70 - 38 * Math.cos(angle), y: 60 + 38 * Math.sin(angle) };
    });
    const bent = crop(bentPath, 90, 120, pattern);
    const cell = profilesForCell([straight, bent]);
    for (const c of cell.chromosomes) {
      const mean = new Float32Array(c.samples);
      for (let i = 0; i < c.samples; i++)
        mean[i] = 0.5 * ((c.profile[i] ?? 0) + (c.profile[PROFILE_LENGTH + i] ?? 0));
      const cap = 7 / c.axisLength;
      const inner = Math.floor(0.05 * c.samples);
      const truth = truthProfile(pattern, c.samples, cap);
      const r = pearson(
        mean.subarray(inner, c.samples - inner),
        truth.subarray(inner, c.samples - inner),
        c.samples - 2 * inner,
      );
      expect(r).toBeGreaterThanOrEqual(0.9);
      for (let i = c.samples; i < PROFILE_LENGTH; i++) expect(c.profile[i]).toBe(0);
      expect(Math.max(...c.profile)).toBeLessThanOrEqual(1);
      expect(Math.min(...c.profile)).toBeGreaterThanOrEqual(0);
    }
  });

  it('uses one scale per cell: half as long gives a profile half as long', () => {
    const long = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 170 },
      ],
      40,
      180,
      wavy(6),
    );
    const short = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 90 },
      ],
      40,
      100,
      wavy(3),
    );
    const cell = profilesForCell([long, short]);
    const [a, b] = cell.chromosomes;
    expect(a?.samples ?? 0).toBeGreaterThan(LONGEST_FILL * PROFILE_LENGTH - 3);
    expect(a?.samples ?? 0).toBeLessThanOrEqual(PROFILE_LENGTH);
    const ratio = (b?.samples ?? 0) / (a?.samples ?? 1);
    // Axis lengths are 174 and 94 px with the caps: 0.54.
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(0.58);
    expect(cell.samplesPerPixel).toBeCloseTo((a?.samples ?? 0) / (a?.axisLength ?? 1), 1);
  });

  it('keeps the left half in row 0 and the right half in row 1', () => {
    const image = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 110 },
      ],
      40,
      120,
      () => 0.3,
    );
    // Darken the left chromatid.
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < 20; x++) {
        const i = y * image.width + x;
        if ((image.pixels[i] ?? 255) < 250) image.pixels[i] = 60;
      }
    }
    const [c] = profilesForCell([image]).chromosomes;
    const n = c?.samples ?? 0;
    let left = 0;
    let right = 0;
    for (let i = Math.floor(0.2 * n); i < Math.floor(0.8 * n); i++) {
      left += c?.profile[i] ?? 0;
      right += c?.profile[PROFILE_LENGTH + i] ?? 0;
    }
    expect(left).toBeGreaterThan(1.5 * right);
    // The straightened image shows the darker side on the left too.
    const s = c?.straightened;
    if (s === undefined) throw new Error('no straightened image');
    const row = Math.floor(s.height / 2) * s.width;
    const half = Math.floor(s.width / 2);
    expect(s.pixels[row + half - 3] ?? 0).toBeLessThan(s.pixels[row + half + 3] ?? 0);
  });

  it('profiles the crop’s own chromosome, not a bit of a neighbour at its edge', () => {
    const pattern = wavy(4);
    const clean = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 110 },
      ],
      40,
      120,
      pattern,
    );
    const withNeighbour = crop(
      [
        { x: 20, y: 10 },
        { x: 20, y: 110 },
      ],
      40,
      120,
      pattern,
    );
    drawChromosome(
      withNeighbour,
      [
        { x: 38, y: 30 },
        { x: 38, y: 70 },
      ],
      10,
      () => 0.9,
    );
    const [a, b] = profilesForCell([clean, withNeighbour]).chromosomes;
    expect(b?.samples).toBe(a?.samples);
    let difference = 0;
    for (let i = 0; i < 2 * PROFILE_LENGTH; i++)
      difference += Math.abs((a?.profile[i] ?? 0) - (b?.profile[i] ?? 0));
    expect(difference / (2 * (a?.samples ?? 1))).toBeLessThan(0.02);
  });

  it('handles tight crops that are mostly chromosome (the background is not the commonest gray)', () => {
    const tight = crop(
      [
        { x: 7, y: 6 },
        { x: 7, y: 74 },
      ],
      14,
      80,
      () => 0.5,
    );
    const [c] = profilesForCell([tight]).chromosomes;
    expect(c?.axisLength ?? 0).toBeGreaterThan(70);
    expect(c?.samples ?? 0).toBeGreaterThan(0.85 * LONGEST_FILL * PROFILE_LENGTH);
  });

  it('reads a light-on-dark crop exactly like its dark-on-light original, even with its middle empty', () => {
    // A chromosome bent into an L along two edges leaves the crop's middle all background.
    const bent = crop(
      [
        { x: 12, y: 10 },
        { x: 12, y: 110 },
        { x: 100, y: 110 },
      ],
      120,
      124,
      wavy(4),
    );
    const inverted = { ...bent, pixels: bent.pixels.map((v) => 255 - v) };
    const [original] = profilesForCell([bent]).chromosomes;
    const [light] = profilesForCell([inverted]).chromosomes;
    expect(light?.samples).toBe(original?.samples);
    expect(Array.from(light?.profile ?? [])).toEqual(Array.from(original?.profile ?? []));
  });
});
