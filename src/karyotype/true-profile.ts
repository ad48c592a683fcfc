import type { ChromosomeType } from '../shared/chromosome-types';
import type { ChromosomeProfile } from '../shared/profile';
import { emptyProfile, PROFILE_LENGTH } from '../shared/profile';
import type { RenderedChromosome } from './render-chromosome';
import type { RenderedKaryogram } from './render-karyogram';

/** A profile with its true length: samples 0 … length-1 hold the chromosome, the rest are 0. */
export interface SizedProfile {
  readonly profile: ChromosomeProfile;
  /** Samples from p-ter to q-ter, at most PROFILE_LENGTH. */
  readonly length: number;
}

/**
 * The common scale of one cell, in profile samples per axis pixel: the longest axis (pixels) spans
 * `fill` × PROFILE_LENGTH samples, so every chromosome keeps its relative length (model.md).
 */
export function cellSamplesPerPixel(axisLengthsPx: readonly number[], fill = 0.9): number {
  const longest = Math.max(1, ...axisLengthsPx);
  return (fill * PROFILE_LENGTH) / longest;
}

/**
 * The TRUE 2 × 512 profile of a drawn chromosome at `samplesPerPixel`: the noise-free mean darkness of
 * its left and right halves along the straight axis from p-ter (model.md conventions: darkness in
 * [0, 1], row 0 left, row 1 right, zero padding after q-ter). Each sample averages the axis pixels it
 * covers, so the scale may be above or below 1.
 */
export function trueProfile(rendered: RenderedChromosome, samplesPerPixel: number): SizedProfile {
  const pixels = rendered.axisLengthPx;
  const length = Math.min(PROFILE_LENGTH, Math.max(1, Math.round(pixels * samplesPerPixel)));
  const profile = emptyProfile();
  // From the unclipped sample count, so the scale is exact even when q-ter falls beyond 512.
  const pixelsPerSample = pixels / Math.max(1, Math.round(pixels * samplesPerPixel));
  for (let row = 0; row < 2; row++) {
    const base = row * pixels;
    for (let i = 0; i < length; i++) {
      const a = i * pixelsPerSample;
      const b = Math.min(pixels, a + pixelsPerSample);
      let sum = 0;
      for (let p = Math.floor(a); p < Math.ceil(b); p++) {
        const overlap = Math.min(b, p + 1) - Math.max(a, p);
        sum += (rendered.halfMeans[base + p] ?? 0) * overlap;
      }
      profile[row * PROFILE_LENGTH + i] = b > a ? sum / (b - a) : 0;
    }
  }
  return { profile, length };
}

/** The true profile of every chromosome of a drawn cell, at the cell's common scale (`fill` as above). */
export function cellTrueProfiles(
  karyogram: RenderedKaryogram,
  fill = 0.9,
): { type: ChromosomeType; homolog: number; profile: SizedProfile }[] {
  const scale = cellSamplesPerPixel(
    karyogram.chromosomes.map((c) => c.rendered.axisLengthPx),
    fill,
  );
  return karyogram.chromosomes.map((c) => ({
    type: c.cell.type,
    homolog: c.cell.homolog,
    profile: trueProfile(c.rendered, scale),
  }));
}
