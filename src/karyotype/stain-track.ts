import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { DerivativeChromosome } from './derivative-types';
import type { Stain } from './ideogram';
import { getIdeogram } from './ideogram';

/** A band as it lies on a (derivative) chromosome; start/stop in ISCN length units from its p-ter. */
export interface TrackBand {
  readonly start: number;
  readonly stop: number;
  readonly stain: Stain;
  readonly source: ChromosomeType;
  /** Full band name on its source, e.g. "22q11.21". */
  readonly band: string;
  /** Whether this is a satellite/short-arm heterochromatin band of an acrocentric (drawn paler). */
  readonly acrocentricShortArm: boolean;
}

/** The band sequence of a chromosome from p-ter: what the renderer draws. Lengths in ISCN units. */
export interface StainTrack {
  readonly bands: readonly TrackBand[];
  readonly length: number;
  /** Centromere position in ISCN units from p-ter. */
  readonly centromere: number;
  /** Where segments of the derivative meet, in ISCN units from p-ter (empty for a normal chromosome). */
  readonly junctions: readonly number[];
}

/**
 * Lays the segments of `chromosome` end to end at band level `level`, in ISCN length units. Acrocentric
 * short arms keep their ideogram length: pki3 crops measure 13, 14, 15, 21 and 22 at 0.434, 0.426, 0.406,
 * 0.211 and 0.240 of chromosome 1 (medians, research/synthetic-ranking.ts), as the ideogram has them
 * (0.431, 0.417, 0.402, 0.212, 0.225); drawing those arms at half length made synthetic 21 and 22 a sixth
 * shorter than real ones, squat blobs the model scored as abnormal even in normal cells.
 */
export function stainTrack(chromosome: DerivativeChromosome, level: BandLevel): StainTrack {
  const bands: TrackBand[] = [];
  const junctions: number[] = [];
  let offset = 0;
  let centromere: number | undefined;
  for (const segment of chromosome.segments) {
    if (offset > 0) junctions.push(offset);
    const ideogram = getIdeogram(segment.source, level);
    const lo = Math.min(segment.from, segment.to) * ideogram.length;
    const hi = Math.max(segment.from, segment.to) * ideogram.length;
    const reversed = segment.from > segment.to;
    const at = (units: number): number => offset + (reversed ? hi - units : units - lo);
    // A derivative's centromere is the first source centromere that a segment holds (ends included,
    // so that rob's q10 joins keep it at the junction).
    if (centromere === undefined && ideogram.centromere >= lo && ideogram.centromere <= hi) {
      centromere = at(ideogram.centromere);
    }
    const pieces: TrackBand[] = [];
    for (const band of ideogram.bands) {
      const start = Math.max(band.start, lo);
      const stop = Math.min(band.stop, hi);
      if (stop <= start) continue;
      const [a, b] = reversed ? [at(stop), at(start)] : [at(start), at(stop)];
      pieces.push({
        start: a,
        stop: b,
        stain: band.stain,
        source: segment.source,
        band: `${segment.source}${band.name}`,
        acrocentricShortArm: band.arm === 'p' && ideogram.bands.some((x) => x.stain === 'stalk'),
      });
    }
    bands.push(...(reversed ? pieces.reverse() : pieces));
    offset += hi - lo;
  }
  return { bands, length: offset, centromere: centromere ?? offset / 2, junctions };
}
