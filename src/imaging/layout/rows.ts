import { boxHeight, boxWidth } from '../segment/mask';
import type { RuleLine } from '../segment/rule-lines';
import type { Piece } from './piece';
import { splitAtValleys } from './row-valleys';

/** One row of a karyogram: its vertical band and the pieces in it. */
export interface KaryogramRow {
  /** Vertical extent of the row's chromosomes, pixels (`y1` exclusive). */
  readonly y0: number;
  readonly y1: number;
  readonly pieces: Piece[];
  /** Baseline segments under the row, left to right (empty when the layout draws none). */
  readonly baselines: RuleLine[];
}

/**
 * Share of the reference area a piece needs to be a chromosome of a row. On the 14 karyograms of
 * ../shared/data the smallest chromosome (a 21, a 22 or the Y) holds 0.19–0.25 of it; slot numbers
 * printed in bold colour (AICS-5-50's blue "8", "16", "20") are as thick as a thin chromosome and hold
 * 0.05–0.10. A smaller piece is a number, a speck or a part that found no chromosome to join.
 */
export const MIN_CHROMOSOME_SHARE = 0.12;

/** One row band of a karyogram and the pieces given to it. */
export interface RowBand {
  /** Vertical extent of the row's chromosomes, pixels (`y1` exclusive). */
  readonly y0: number;
  readonly y1: number;
  readonly pieces: Piece[];
}

/** A piece lying flat: at least this many times as wide as tall. */
const FLAT_RATIO = 1.5;

/**
 * Groups pieces into rows: the vertical extents of the larger pieces are merged where they overlap,
 * and each merged band is parted again at the deep valleys of its projection (a tall piece reaching
 * into the next row merges two rows' extents, not their projections). Pieces under MIN_CHROMOSOME_SHARE
 * of the reference area are given to no row (unless no piece is larger). A band whose every
 * piece lies flat is a line of print (a title such as "Result: 46,XY"), no row of chromosomes, which
 * stand upright: it is left out, and so are its pieces.
 */
export function findRows(pieces: readonly Piece[], referenceArea: number): RowBand[] {
  const large = pieces.filter((p) => p.area >= MIN_CHROMOSOME_SHARE * referenceArea);
  const shaping = large.length > 0 ? large : [...pieces];
  const sorted = [...shaping].sort((a, b) => a.box.y0 - b.box.y0);
  const merged: { y0: number; y1: number; members: Piece[] }[] = [];
  for (const piece of sorted) {
    const last = merged[merged.length - 1];
    // Shrink by a pixel so that rows that merely touch stay apart.
    if (last !== undefined && piece.box.y0 < last.y1 - 1) {
      last.y1 = Math.max(last.y1, piece.box.y1);
      last.members.push(piece);
    } else merged.push({ y0: piece.box.y0, y1: piece.box.y1, members: [piece] });
  }
  const bands = merged
    .flatMap((band) => splitAtValleys(band))
    .filter((band) => !band.members.every(liesFlat));
  return bands.map((band) => ({ y0: band.y0, y1: band.y1, pieces: [...band.members] }));
}

function liesFlat(piece: Piece): boolean {
  return boxWidth(piece.box) >= FLAT_RATIO * boxHeight(piece.box);
}

/**
 * Baseline segments belonging to a row: rules just below the row's band (within a fraction of the row
 * height, since chromosomes stand on their baseline), left to right.
 */
export function baselinesUnder(
  band: { y0: number; y1: number },
  lines: readonly RuleLine[],
  nextBandTop: number,
): RuleLine[] {
  const height = band.y1 - band.y0;
  const lowest = Math.min(nextBandTop, band.y1 + Math.max(4, 0.5 * height));
  const candidates = lines.filter((l) => l.y0 >= band.y1 - 0.25 * height && l.y0 <= lowest);
  if (candidates.length === 0) return [];
  // Keep the rules at the y of the topmost one (one baseline level per row).
  const level = Math.min(...candidates.map((l) => l.y0));
  return candidates.filter((l) => Math.abs(l.y0 - level) <= 3).sort((a, b) => a.x0 - b.x0);
}
