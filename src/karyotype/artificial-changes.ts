import type { Random } from '../shared/random';
import {
  deleteSegment,
  duplicateSegment,
  insertSegment,
  invertSegment,
  replaceSegment,
  robertsonianRepeat,
} from './profile-edits';
import type { SizedProfile } from './true-profile';

/** The paper's five artificial kinds (A.1), "replaced" split into its two flavours. */
export const ARTIFICIAL_KINDS = [
  'deleted',
  'added-foreign',
  'duplicated',
  'replaced-inversion',
  'replaced-translocation',
  'robertsonian',
] as const;

export type ArtificialKind = (typeof ARTIFICIAL_KINDS)[number];

/** Kinds that take a piece of another chromosome (a donor). */
export function needsDonor(kind: ArtificialKind): boolean {
  return kind === 'added-foreign' || kind === 'replaced-translocation';
}

/** Range of segment lengths as fractions of the chromosome's length, `min <= max` in (0, 1). */
export interface SegmentLengthRange {
  readonly min: number;
  readonly max: number;
}

/** Training's usual pieces: 12–40 % of the length. */
export const STANDARD_SEGMENTS: SegmentLengthRange = { min: 0.12, max: 0.4 };
/** Subtle pieces: 5–10 % of the length, near the limit of what a cytogeneticist sees. */
export const SUBTLE_SEGMENTS: SegmentLengthRange = { min: 0.05, max: 0.1 };

/**
 * One artificial change in RELATIVE terms, so the same change can be applied to chromosomes of different
 * lengths (every pair of a bag). All fields are fractions in [0, 1].
 */
export interface ArtificialChange {
  readonly kind: ArtificialKind;
  /** Start of the affected piece of the chromosome, fraction of its length from p-ter. */
  readonly start: number;
  /** Length of the piece (deleted, duplicated, inverted, replaced or inserted), fraction of the chromosome's length. */
  readonly span: number;
  /** Insertion site for added-foreign, fraction of the chromosome's length. */
  readonly site: number;
  /** Start of the donor's piece, fraction of the donor's length (added-foreign, replaced-translocation). */
  readonly donorStart: number;
}

/**
 * Draws a change of `kind` with a piece length uniform in `range`. With probability `terminalRate` the
 * piece touches p-ter or q-ter (terminal deletions and translocations are common in patients).
 */
export function drawArtificialChange(
  kind: ArtificialKind,
  random: Random,
  range: SegmentLengthRange = STANDARD_SEGMENTS,
  terminalRate = 0.3,
): ArtificialChange {
  if (!(range.min > 0 && range.max <= 1 && range.min <= range.max)) {
    throw new Error(`segment range [${range.min}, ${range.max}] must satisfy 0 < min <= max <= 1`);
  }
  const span = random.uniform(range.min, range.max);
  const terminal = random.next() < terminalRate;
  const start = terminal ? (random.next() < 0.5 ? 0 : 1 - span) : random.uniform(0, 1 - span);
  return { kind, start, span, site: random.next(), donorStart: random.uniform(0, 1 - span) };
}

/** Sample bounds [start, end) of a relative piece on a chromosome `length` samples long (at least 1 sample). */
export function pieceSamples(length: number, start: number, span: number): [number, number] {
  const count = Math.min(length, Math.max(1, Math.round(span * length)));
  const first = Math.min(length - count, Math.max(0, Math.round(start * length)));
  return [first, first + count];
}

/**
 * Applies `change` to `p`. Piece lengths follow `p`'s own length; a donor's piece is cut to the donor's
 * length if it is shorter. Lengths: deleted shortens by the piece, added-foreign and duplicated lengthen
 * by it, replaced keeps the length, robertsonian doubles it (clipped to 512).
 * @throws Error when the kind needs a donor and none is given.
 */
export function applyArtificialChange(
  p: SizedProfile,
  change: ArtificialChange,
  donor?: SizedProfile,
): SizedProfile {
  const [start, end] = pieceSamples(p.length, change.start, change.span);
  const donorPiece = (): [SizedProfile, number, number] => {
    if (!donor) throw new Error(`${change.kind} needs a donor chromosome`);
    const count = Math.min(end - start, donor.length);
    const [from] = pieceSamples(donor.length, change.donorStart, count / donor.length);
    return [donor, from, from + count];
  };
  switch (change.kind) {
    case 'deleted':
      return deleteSegment(p, start, end);
    case 'duplicated':
      return duplicateSegment(p, start, end);
    case 'replaced-inversion':
      return invertSegment(p, start, end);
    case 'robertsonian':
      return robertsonianRepeat(p);
    case 'added-foreign': {
      const [d, from, to] = donorPiece();
      return insertSegment(p, Math.round(change.site * p.length), d, from, to);
    }
    case 'replaced-translocation': {
      const [d, from, to] = donorPiece();
      return replaceSegment(p, start, start + (to - from), d, from);
    }
  }
}
