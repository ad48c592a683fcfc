import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { bandRangeLabel } from '../karyotype/band-names';

/** Where along a chromosome a pair differs, as fractions of length from p-ter, with ISCN bands. */
export interface DifferenceRegion {
  readonly from: number;
  readonly to: number;
  readonly bands: string;
}

/** A pair's per-region difference sizes with what is needed to put them on a length axis. */
export interface PairDifference {
  /** ‖r̂^e‖ per model region, homolog 1 and 2. */
  readonly difference: readonly [Float32Array, Float32Array];
  /** Samples before zero padding, homolog 1 and 2. */
  readonly samples: readonly [number, number];
  /** The pair's bag weight α_i. */
  readonly alpha: number;
}

const BINS = 100;

/**
 * Locates where the pairs of a bag differ most: each homolog's difference profile is mapped from model
 * regions (fixed sample windows) onto fractions of its own length, the pairs are averaged with their bag
 * weights α_i, and the region is the run of bins around the peak that stays above half of it.
 *
 * @param regionSamples samples per model region (the merge range, 32 by default).
 */
export function differenceRegion(
  type: ChromosomeType,
  bandLevel: BandLevel,
  pairs: readonly PairDifference[],
  regionSamples: number,
): DifferenceRegion | null {
  const curve = new Float64Array(BINS);
  let weight = 0;
  for (const pair of pairs) {
    for (let h = 0; h < 2; h++) {
      const diff = pair.difference[h as 0 | 1];
      const samples = pair.samples[h as 0 | 1];
      if (samples <= 0) continue;
      for (let bin = 0; bin < BINS; bin++) {
        const sample = ((bin + 0.5) / BINS) * samples;
        const region = Math.min(diff.length - 1, Math.floor(sample / regionSamples));
        curve[bin] = (curve[bin] ?? 0) + pair.alpha * (diff[region] ?? 0);
      }
      weight += pair.alpha;
    }
  }
  if (weight <= 0) return null;
  let peak = 0;
  for (let bin = 1; bin < BINS; bin++) if ((curve[bin] ?? 0) > (curve[peak] ?? 0)) peak = bin;
  const floor = Math.min(...curve);
  const half = floor + 0.5 * ((curve[peak] ?? 0) - floor);
  let first = peak;
  let last = peak;
  while (first > 0 && (curve[first - 1] ?? 0) >= half) first--;
  while (last < BINS - 1 && (curve[last + 1] ?? 0) >= half) last++;
  const from = first / BINS;
  const to = (last + 1) / BINS;
  return { from, to, bands: bandRangeLabel(type, bandLevel, from, to) };
}
