import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { isChromosomeType } from '../shared/chromosome-types';
import type { Arm, Band } from './ideogram';
import { getIdeogram } from './ideogram';

/** A stretch of a chromosome as fractions of its length from p-ter, `from <= to`, both in [0, 1]. */
export interface FractionInterval {
  readonly from: number;
  readonly to: number;
}

/** A band name split into its arm and its number, e.g. "q11.2" → { arm: 'q', number: '11.2' }. */
export interface BandName {
  readonly arm: Arm;
  /** Region, band and sub-band digits ("36.3"), "10" for the centromere, or "ter" for the arm's end. */
  readonly number: string;
}

const BAND_PATTERN = /^([pq])(ter|\d+(?:\.\d+)?)$/;

/**
 * Parses "p14", "q11.2", "p10"/"q10" (centromere) or "pter"/"qter"; a leading chromosome ("5p14") must
 * be stripped by the caller. Returns undefined for anything else.
 */
export function parseBandName(text: string): BandName | undefined {
  const match = BAND_PATTERN.exec(text);
  if (!match) return undefined;
  const [, arm, number] = match;
  if ((arm !== 'p' && arm !== 'q') || number === undefined) return undefined;
  return { arm, number };
}

/** Whether `child` ("11.23") is `parent` ("11.2" or "11") or one of its sub-bands. */
function isWithin(child: string, parent: string): boolean {
  if (child === parent) return true;
  return parent.includes('.') ? child.startsWith(parent) : child.startsWith(`${parent}.`);
}

/**
 * Where a named band lies on `type` at `level`, as fractions of length from p-ter. A band coarser than
 * the table (5p14 at 850, where it is split into 5p14.3–p14.1) spans all its sub-bands; a band finer
 * than the table (22q11.21 at 300) resolves to the table band that contains it. The centromere "p10" /
 * "q10" is an empty interval at the p/q boundary; "pter"/"qter" are the ends.
 * @throws Error naming the band, the chromosome and the level when the band does not exist.
 */
export function bandInterval(type: ChromosomeType, level: BandLevel, band: string): FractionInterval {
  const parsed = parseBandName(band);
  if (!parsed) throw new Error(`"${band}" is not a band name like p14, q11.2, p10 or qter`);
  const ideogram = getIdeogram(type, level);
  const { length } = ideogram;
  if (parsed.number === '10') {
    const c = ideogram.centromere / length;
    return { from: c, to: c };
  }
  if (parsed.number === 'ter') return parsed.arm === 'p' ? { from: 0, to: 0 } : { from: 1, to: 1 };
  const onArm = ideogram.bands.filter((b) => b.arm === parsed.arm);
  let matches = onArm.filter((b) => isWithin(b.name.slice(1), parsed.number));
  if (matches.length === 0) matches = onArm.filter((b) => isWithin(parsed.number, b.name.slice(1)));
  const first = matches[0];
  const last = matches.at(-1);
  if (!first || !last) {
    throw new Error(`band ${type}${band} does not exist at the ${level}-band level`);
  }
  return { from: first.start / length, to: last.stop / length };
}

/**
 * The breakpoint ISCN means by "a break in band X": the middle of the band, as a fraction of length from
 * p-ter; exactly the centromere for p10/q10 and the end for pter/qter.
 */
export function bandBreakpoint(type: ChromosomeType, level: BandLevel, band: string): number {
  const { from, to } = bandInterval(type, level, band);
  return (from + to) / 2;
}

/** The band at a fraction of length from p-ter (clamped to [0, 1]; a boundary belongs to the lower band). */
export function bandAt(type: ChromosomeType, level: BandLevel, fraction: number): Band {
  const ideogram = getIdeogram(type, level);
  const position = Math.min(Math.max(fraction, 0), 1) * ideogram.length;
  const band = ideogram.bands.find((b) => position < b.stop) ?? ideogram.bands.at(-1);
  if (!band) throw new Error(`chromosome ${type} has no bands at level ${level}`);
  return band;
}

/**
 * An ISCN band range for a stretch given as fractions of length from p-ter, e.g. (5, 550, 0.02, 0.12) →
 * "5p15.3-p15.1", or "5p15.3" when it lies in one band. Bands are listed from p-ter to q-ter. The upper
 * end is taken just inside the interval so that a stretch ending on a band boundary does not name the
 * next band.
 */
export function bandRangeLabel(type: ChromosomeType, level: BandLevel, from: number, to: number): string {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const first = bandAt(type, level, lo);
  const last = bandAt(type, level, Math.max(lo, hi - 1e-6));
  return first.name === last.name ? `${type}${first.name}` : `${type}${first.name}-${last.name}`;
}

/** A full band name resolved: its chromosome and where the band lies, fractions of length from p-ter. */
export interface LocatedBand extends FractionInterval {
  readonly type: ChromosomeType;
  /** The ISCN breakpoint in this band (its middle; the centromere for p10/q10). */
  readonly breakpoint: number;
}

const FULL_BAND = /^(\d{1,2}|X|Y)([pq].*)$/;

/**
 * Resolves a full band name such as "5p14", "11q23", "22q11.2", "9q13" or "13q10" at `level`.
 * @throws Error when the chromosome or the band does not exist.
 */
export function locateBand(fullName: string, level: BandLevel): LocatedBand {
  const match = FULL_BAND.exec(fullName.trim());
  const type = match?.[1];
  const band = match?.[2];
  if (type === undefined || band === undefined || !isChromosomeType(type)) {
    throw new Error(`"${fullName}" is not a band name like 5p14 or 22q11.2`);
  }
  const interval = bandInterval(type, level, band);
  return { type, ...interval, breakpoint: (interval.from + interval.to) / 2 };
}
