import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { bandRangeLabel } from '../../karyotype/band-names';

/** Where along a chromosome a pair differs, as fractions of length from p-ter, with ISCN bands. */
export interface DifferenceRegion {
  readonly from: number;
  readonly to: number;
  readonly bands: string;
}

/** Bins of the length axis the evidence is pooled on (fractions of length, p-ter first). */
export const REGION_BINS = 100;

/**
 * Mismatch that ordinary homolog-to-homolog noise stays below (imaging, staining, bending); the region
 * is where the pooled mismatch exceeds it. Chosen with `npx tsx research/region-accuracy.ts` (best IoU and
 * overlap of 0.25, 0.3, 0.35, 0.45 on seeds 1–3; held-out seeds 4–6 agree within 0.01 IoU).
 */
export const REGION_BASELINE = 0.3;

/** One homolog's per-sample values averaged into `bins` bins of its own length. */
export function binned(values: Float32Array, bins: number = REGION_BINS): Float64Array {
  const out = new Float64Array(bins);
  const n = values.length;
  if (n === 0) return out;
  for (let bin = 0; bin < bins; bin++) {
    const start = (bin / bins) * n;
    const stop = ((bin + 1) / bins) * n;
    let sum = 0;
    let width = 0;
    for (let k = Math.floor(start); k < Math.ceil(stop); k++) {
      const part = Math.min(stop, k + 1) - Math.max(start, k);
      sum += part * (values[Math.min(n - 1, k)] ?? 0);
      width += part;
    }
    out[bin] = width > 0 ? sum / width : 0;
  }
  return out;
}

/**
 * Mean mismatch over both homologs of every pair, each on its own length. In the abnormal homolog the
 * change may sit elsewhere along its (different) length, but its partner, the normal homolog, carries
 * the unmatched stretch at the right place, and a change that does not alter length (an inversion) sits
 * at the same fractions on both.
 */
export function mismatchCurve(
  pairs: readonly (readonly [Float32Array, Float32Array])[],
): Float64Array | null {
  const curve = new Float64Array(REGION_BINS);
  let count = 0;
  for (const pair of pairs) {
    for (const values of pair) {
      if (values.length === 0) continue;
      const own = binned(values);
      for (let bin = 0; bin < REGION_BINS; bin++) curve[bin] = (curve[bin] ?? 0) + (own[bin] ?? 0);
      count++;
    }
  }
  return count > 0 ? curve.map((v) => v / count) : null;
}

/**
 * The contiguous stretch with the largest total excess over `baseline` (maximum-sum segment), as
 * first and last bin; null when no bin exceeds the baseline.
 */
export function strongestStretch(
  curve: Float64Array,
  baseline: number,
): { readonly first: number; readonly last: number } | null {
  let best = 0;
  let range: { first: number; last: number } | null = null;
  let running = 0;
  let start = 0;
  for (let bin = 0; bin < curve.length; bin++) {
    if (running <= 0) {
      running = 0;
      start = bin;
    }
    running += (curve[bin] ?? 0) - baseline;
    if (running > best) {
      best = running;
      range = { first: start, last: bin };
    }
  }
  return range;
}

/**
 * Locates where the homologs of a type match worst: every pair's per-sample mismatch (from aligning
 * its two homologs' banding, see profile-alignment.ts) pooled on fractions of length, and the stretch
 * where it stays above ordinary noise. Null without pairs or when nothing exceeds the noise.
 *
 * @param pairs per pair, the per-sample mismatch of both homologs (typeMismatch in block-placement.ts).
 */
export function differenceRegion(
  type: ChromosomeType,
  bandLevel: BandLevel,
  pairs: readonly (readonly [Float32Array, Float32Array])[],
  baseline: number = REGION_BASELINE,
): DifferenceRegion | null {
  const curve = mismatchCurve(pairs);
  if (!curve) return null;
  const stretch = strongestStretch(curve, baseline);
  if (!stretch) return null;
  const from = stretch.first / REGION_BINS;
  const to = (stretch.last + 1) / REGION_BINS;
  return { from, to, bands: bandRangeLabel(type, bandLevel, from, to) };
}
