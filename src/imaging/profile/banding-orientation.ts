import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { ChromosomeProfile } from '../../shared/profile';
import { PROFILE_LENGTH } from '../../shared/profile';
import { pearson } from '../../shared/statistics';
import type { Point } from './medial-axis';

/** Bins of a banding template (each a 1/32 of the chromosome's length). */
export const TEMPLATE_BINS = 32;

/**
 * Whether an axis runs closer to horizontal than to vertical. Such a chromosome was rotated by more than
 * 45° in its crop, so "the upper end is p-ter" no longer tells which end is which.
 */
export function liesFlat(axis: readonly Point[]): boolean {
  const first = axis[0];
  const last = axis[axis.length - 1];
  if (first === undefined || last === undefined) return false;
  return Math.abs(last.y - first.y) < Math.abs(last.x - first.x);
}

/**
 * A profile's darkness (mean of both halves) averaged into TEMPLATE_BINS equal pieces of its length.
 *
 * @param samples samples before the zero padding
 */
export function binnedDarkness(profile: Float32Array, samples: number): Float64Array {
  const bins = new Float64Array(TEMPLATE_BINS);
  if (samples <= 0) return bins;
  for (let b = 0; b < TEMPLATE_BINS; b++) {
    const start = Math.floor((b * samples) / TEMPLATE_BINS);
    const stop = Math.max(start + 1, Math.floor(((b + 1) * samples) / TEMPLATE_BINS));
    let sum = 0;
    for (let i = start; i < stop; i++) sum += ((profile[i] ?? 0) + (profile[PROFILE_LENGTH + i] ?? 0)) / 2;
    bins[b] = sum / (stop - start);
  }
  return bins;
}

/**
 * How much better the banding matches the type's template read q-ter → p-ter than p-ter → q-ter
 * (difference of two correlations, in [−2, 2]); positive means the profile runs the wrong way.
 */
export function reversalEvidence(
  profile: Float32Array,
  samples: number,
  template: ArrayLike<number>,
): number {
  const bins = binnedDarkness(profile, samples);
  return pearson(template, Float64Array.from(bins).reverse()) - pearson(template, bins);
}

/** Templates of the mean G-band darkness of each type, p-ter first (see banding-templates-data.ts). */
export type BandingTemplates = Readonly<Partial<Record<ChromosomeType, readonly number[]>>>;

/**
 * The same chromosome read from its other end: samples reversed, and left and right halves swapped
 * (walking the axis the other way puts each half on the other side). The zero padding stays at the end.
 */
export function reverseProfile(profile: ChromosomeProfile, samples: number): ChromosomeProfile {
  const out = new Float32Array(profile.length);
  for (let row = 0; row < 2; row++) {
    const from = (1 - row) * PROFILE_LENGTH;
    for (let i = 0; i < samples; i++) out[row * PROFILE_LENGTH + i] = profile[from + samples - 1 - i] ?? 0;
  }
  return out;
}

/** An image turned by 180° (the straightened chromosome with its other end up). */
export function rotateHalfTurn(image: GrayImage): GrayImage {
  return { width: image.width, height: image.height, pixels: image.pixels.slice().reverse() };
}
