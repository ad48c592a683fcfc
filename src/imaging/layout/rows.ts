import type { PixelBox } from '../segment/mask';
import type { RuleLine } from '../segment/rule-lines';
import type { Piece } from './piece';

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
 * Groups pieces into rows: the vertical extents of the larger pieces are merged where they overlap, so
 * each row is one band of the vertical projection. Small pieces (which could be specks between rows)
 * do not form bands; they join the nearest band.
 */
export function findRows(pieces: readonly Piece[], referenceArea: number): { y0: number; y1: number }[] {
  const banding = pieces.filter((p) => p.area >= 0.12 * referenceArea);
  const intervals = (banding.length > 0 ? banding : pieces)
    .map((p) => ({ y0: p.box.y0, y1: p.box.y1 }))
    .sort((a, b) => a.y0 - b.y0);
  const bands: { y0: number; y1: number }[] = [];
  for (const interval of intervals) {
    const last = bands[bands.length - 1];
    // Shrink by a pixel so that rows that merely touch stay apart.
    if (last !== undefined && interval.y0 < last.y1 - 1) last.y1 = Math.max(last.y1, interval.y1);
    else bands.push({ ...interval });
  }
  return bands;
}

/** Index of the band a box belongs to: the one it overlaps most, else the nearest. */
export function nearestBand(box: PixelBox, bands: readonly { y0: number; y1: number }[]): number {
  let best = 0;
  let bestScore = -Infinity;
  bands.forEach((band, index) => {
    const overlap = Math.min(box.y1, band.y1) - Math.max(box.y0, band.y0);
    if (overlap > bestScore) {
      bestScore = overlap;
      best = index;
    }
  });
  return best;
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
