import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { FractionInterval } from './band-names';
import { bandAt } from './band-names';
import { getIdeogram } from './ideogram';

/**
 * The ISCN bands a stretch of `type` covers at `level`, the stretch given as fractions of its length from
 * p-ter: "5p14–p13", "5p11–q11.1" across the centromere, or "5p14" when it lies in one band. Bands are
 * named from p-ter to q-ter with an en dash and the chromosome written once, as ISCN ranges are. The end
 * is taken just inside the stretch, so that one ending exactly on a band boundary does not name the next
 * band. Fractions are clamped to [0, 1].
 */
export function regionBands(
  type: ChromosomeType,
  level: BandLevel,
  fromFraction: number,
  toFraction: number,
): string {
  const lo = Math.min(fromFraction, toFraction);
  const hi = Math.max(fromFraction, toFraction);
  const first = bandAt(type, level, lo);
  const last = bandAt(type, level, Math.max(lo, hi - 1e-6));
  return first.name === last.name ? `${type}${first.name}` : `${type}${first.name}–${last.name}`;
}

/**
 * The stretch of a homolog that model region `region` pools, as fractions of that homolog's length from
 * p-ter, or null when the region lies wholly in the zero padding after q-ter. The model merges fixed
 * groups of `regionSamples` profile samples (its merge range) and sample k covers [k, k + 1) / samples of
 * the length, so a region's stretch depends on the homolog's own length: the two homologs of a pair,
 * sampled at one scale, can differ.
 */
export function regionFractions(
  samples: number,
  regionSamples: number,
  region: number,
): FractionInterval | null {
  if (samples <= 0 || regionSamples <= 0 || region < 0) return null;
  const first = region * regionSamples;
  if (first >= samples) return null;
  const stop = Math.min(samples, first + regionSamples);
  return { from: first / samples, to: stop / samples };
}

/**
 * Each of `regions` model regions of one homolog named by the bands it covers (regionBands), or null for a
 * region past q-ter (padding).
 */
export function regionBandLabels(
  type: ChromosomeType,
  level: BandLevel,
  samples: number,
  regionSamples: number,
  regions: number,
): (string | null)[] {
  return Array.from({ length: regions }, (_, region) => {
    const stretch = regionFractions(samples, regionSamples, region);
    return stretch ? regionBands(type, level, stretch.from, stretch.to) : null;
  });
}

/**
 * The model region of a homolog that holds its centromere (the p/q boundary at the ideogram's fraction
 * of length), or null when the homolog has no samples.
 */
export function centromereRegion(
  type: ChromosomeType,
  level: BandLevel,
  samples: number,
  regionSamples: number,
): number | null {
  if (samples <= 0 || regionSamples <= 0) return null;
  const ideogram = getIdeogram(type, level);
  const sample = Math.min(samples - 1, Math.floor((ideogram.centromere / ideogram.length) * samples));
  return Math.floor(sample / regionSamples);
}
