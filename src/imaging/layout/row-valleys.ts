import type { Piece } from './piece';

/** A band of the vertical projection and the pieces that shaped it. */
export interface ProjectionBand {
  /** Vertical extent, pixels (`y1` exclusive). */
  readonly y0: number;
  readonly y1: number;
  readonly members: Piece[];
}

/**
 * A valley is a row gap when the object pixels at its level are at most this share of the emptier of the
 * two rows beside it (that row's peak). Between rows only a tall piece crosses, or a printed number
 * joined to a chromosome as a speck: AICS-90-391's X standing in row 4 beside row 3 holds 9–18 px of
 * row 4's 102 px peak (0.09–0.18). Inside a row of the 14 karyograms of ../shared/data the projection
 * stays above 0.45 of its peaks, except in the gap between a chromosome and a speck joined to it, and
 * there one side is no row (see formsRow).
 */
const VALLEY_SHARE = 0.2;

/**
 * Fewest pieces each side of a valley must hold for it to part two rows: the shortest ISCN row holds
 * nine or ten chromosomes (19–22, X, Y), half of it when a vendor wraps it onto two lines; fewer are a
 * tip or a stray, not a row.
 */
export const MIN_ROW_PIECES = 5;

/**
 * Share of a row's pieces that must cross one horizontal line: chromosomes of a row stand on one
 * baseline or are centred on one line, so all of them cross a line just above it (every row of the 14
 * karyograms of ../shared/data, the X reaching into the row above included). Chromosomes scattered
 * over a metaphase spread do not, though its projection may have valleys as deep as a row gap: tseng's
 * 1055721, with 4 of 5 and 8 of 10 pieces on a common line beside its valleys, was read as a karyogram
 * of four rows while only the number of pieces was checked.
 */
const ROW_LINE_SHARE = 0.9;

/** Whether the pieces form a row: enough of them, nearly all crossing one horizontal line. */
function formsRow(members: readonly Piece[]): boolean {
  if (members.length < MIN_ROW_PIECES) return false;
  const events = members
    .flatMap((p) => [
      { y: p.box.y0, step: 1 },
      { y: p.box.y1, step: -1 },
    ])
    .sort((a, b) => a.y - b.y || a.step - b.step);
  let crossing = 0;
  let most = 0;
  for (const event of events) {
    crossing += event.step;
    most = Math.max(most, crossing);
  }
  return most >= ROW_LINE_SHARE * members.length;
}

/** Object pixels per image row of `members` within [y0, y1), index 0 at y0. */
function projection(members: readonly Piece[], y0: number, y1: number): Float64Array {
  const profile = new Float64Array(Math.max(0, y1 - y0));
  for (const piece of members) {
    const { mask, box } = piece;
    for (let r = 0; r < mask.height; r++) {
      const y = box.y0 + r - y0;
      if (y < 0 || y >= profile.length) continue;
      let count = 0;
      for (let x = 0; x < mask.width; x++) count += mask.data[r * mask.width + x] ?? 0;
      profile[y] = (profile[y] ?? 0) + count;
    }
  }
  return profile;
}

/**
 * Valleys of a profile, deepest first: each run of positions at most VALLEY_SHARE of the lower of the
 * peaks beside them, cut at its middle (a gap's middle, not the edge where one row's last tips end),
 * with the run's least depth.
 */
function valleys(profile: Float64Array): { at: number; depth: number }[] {
  const n = profile.length;
  const before = new Float64Array(n);
  const after = new Float64Array(n);
  for (let i = 1; i < n; i++) before[i] = Math.max(before[i - 1] ?? 0, profile[i - 1] ?? 0);
  for (let i = n - 2; i >= 0; i--) after[i] = Math.max(after[i + 1] ?? 0, profile[i + 1] ?? 0);
  const depthAt = (i: number): number => {
    const peak = Math.min(before[i] ?? 0, after[i] ?? 0);
    return peak > 0 ? (profile[i] ?? 0) / peak : Infinity;
  };
  const found: { at: number; depth: number }[] = [];
  let runStart = -1;
  let runDepth = Infinity;
  for (let i = 1; i <= n - 1; i++) {
    const depth = i < n - 1 ? depthAt(i) : Infinity;
    if (depth <= VALLEY_SHARE) {
      if (runStart < 0) runStart = i;
      runDepth = Math.min(runDepth, depth);
    } else if (runStart >= 0) {
      found.push({ at: Math.floor((runStart + i - 1) / 2), depth: runDepth });
      runStart = -1;
      runDepth = Infinity;
    }
  }
  return found.sort((a, b) => a.depth - b.depth || a.at - b.at);
}

/** Most valleys of one band tried together (the deepest ones): 2^12 ways to cut, a few ms. */
const MAX_VALLEYS = 12;

/**
 * The band cut at `cuts` (ascending, image y): each piece goes to the part holding most of its height.
 * A part's extent leaves out pieces that cross a cut (they reach into the next row).
 */
function cutBand(members: readonly Piece[], cuts: readonly number[]): ProjectionBand[] {
  const bounds = [-Infinity, ...cuts, Infinity];
  const parts: Piece[][] = cuts.map((): Piece[] => []).concat([[]]);
  for (const piece of members) {
    let best = 0;
    let bestHeight = -1;
    for (let k = 0; k + 1 < bounds.length; k++) {
      const height =
        Math.min(piece.box.y1, bounds[k + 1] ?? Infinity) - Math.max(piece.box.y0, bounds[k] ?? -Infinity);
      if (height > bestHeight) {
        bestHeight = height;
        best = k;
      }
    }
    parts[best]?.push(piece);
  }
  return parts.map((part, k) => {
    const low = bounds[k] ?? -Infinity;
    const high = bounds[k + 1] ?? Infinity;
    const inside = part.filter((p) => p.box.y0 >= low && p.box.y1 <= high);
    const shaping = inside.length > 0 ? inside : part;
    return {
      y0: Math.min(...shaping.map((p) => p.box.y0)),
      y1: Math.max(...shaping.map((p) => p.box.y1)),
      members: part,
    };
  });
}

/**
 * Parts a band of merged vertical extents into rows at the deep valleys of its projection. Extents
 * merge wherever one piece reaches into the next row (an X standing tall in row 4 beside row 3, a
 * printed number joined to a chromosome as a speck), so merging alone reads two rows as one; the
 * projection still drops to the few pixels of those pieces between them. Of the ways to cut at the
 * valleys, the one with the most parts wins in which every part is a row (see formsRow): the valleys
 * of a metaphase spread's projection, or the gap under a speck, part no rows. A piece crossing a cut
 * goes to the part holding most of its height and does not widen that part's band.
 */
export function splitAtValleys(band: ProjectionBand): ProjectionBand[] {
  const profile = projection(band.members, band.y0, band.y1);
  const cuts = valleys(profile)
    .slice(0, MAX_VALLEYS)
    .map((v) => band.y0 + v.at)
    .sort((a, b) => a - b);
  let best: ProjectionBand[] = [band];
  for (let subset = 1; subset < 1 << cuts.length; subset++) {
    const chosen = cuts.filter((_, k) => (subset & (1 << k)) !== 0);
    if (chosen.length + 1 <= best.length) continue;
    const parts = cutBand(band.members, chosen);
    if (parts.every((part) => formsRow(part.members))) best = parts;
  }
  return best;
}
