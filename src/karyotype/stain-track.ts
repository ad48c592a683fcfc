import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { DerivativeChromosome } from './derivative-types';
import type { Ideogram, Stain } from './ideogram';
import { getIdeogram } from './ideogram';

/** A band as it lies on a (derivative) chromosome; start/stop in drawing units (see stainTrack) from its p-ter. */
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

/** The band sequence of a chromosome from p-ter: what the renderer draws. Lengths in drawing units. */
export interface StainTrack {
  readonly bands: readonly TrackBand[];
  readonly length: number;
  /** Centromere position in drawing units from p-ter. */
  readonly centromere: number;
  /** Where segments of the derivative meet, in drawing units from p-ter (empty for a normal chromosome). */
  readonly junctions: readonly number[];
}

/**
 * Scale of the satellite, stalk and short-arm heterochromatin of acrocentrics in drawings. The ISCN
 * ideogram draws every acrocentric p arm at one size (1,200 units, over a third of 21 and 22), while under
 * the microscope it is a small knob; halving it gives 21 and 22 their real look (centromere index ~0.25).
 */
export const ACROCENTRIC_SHORT_ARM_SCALE = 0.5;

/**
 * Lays the segments of `chromosome` end to end at band level `level`, in drawing units: ISCN units except
 * that acrocentric short arms (other than the centromere) are scaled by ACROCENTRIC_SHORT_ARM_SCALE.
 */
export function stainTrack(chromosome: DerivativeChromosome, level: BandLevel): StainTrack {
  const bands: TrackBand[] = [];
  const junctions: number[] = [];
  let offset = 0;
  let centromere: number | undefined;
  for (const segment of chromosome.segments) {
    if (offset > 0) junctions.push(offset);
    const ideogram = getIdeogram(segment.source, level);
    const draw = drawingScale(ideogram);
    const lo = draw(Math.min(segment.from, segment.to) * ideogram.length);
    const hi = draw(Math.max(segment.from, segment.to) * ideogram.length);
    const reversed = segment.from > segment.to;
    const at = (units: number): number => offset + (reversed ? hi - draw(units) : draw(units) - lo);
    // A derivative's centromere is the first source centromere that a segment holds (ends included,
    // so that rob's q10 joins keep it at the junction).
    const drawnCentromere = draw(ideogram.centromere);
    if (centromere === undefined && drawnCentromere >= lo && drawnCentromere <= hi) {
      centromere = at(ideogram.centromere);
    }
    const pieces: TrackBand[] = [];
    for (const band of ideogram.bands) {
      const start = Math.max(draw(band.start), lo);
      const stop = Math.min(draw(band.stop), hi);
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

/** Maps ISCN units of `ideogram` to drawing units (identity except on acrocentric short arms). */
function drawingScale(ideogram: Ideogram): (units: number) => number {
  const shortArm = ideogram.bands.some((b) => b.stain === 'stalk')
    ? ideogram.bands.find((b) => b.arm === 'p' && b.stain === 'acen')?.start
    : undefined;
  if (shortArm === undefined) return (units) => units;
  const removed = shortArm * (1 - ACROCENTRIC_SHORT_ARM_SCALE);
  return (units) => (units <= shortArm ? units * ACROCENTRIC_SHORT_ARM_SCALE : units - removed);
}
