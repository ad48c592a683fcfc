import type { Component, Labelling } from '../segment/components';
import { boxHeight, boxWidth } from '../segment/mask';
import { groupBrokenParts } from './broken-parts';
import { KaryogramRejectedError } from './karyogram-rejected-error';
import { pieceOf, type Piece } from './piece';
import { MIN_ROW_PIECES } from './row-valleys';
import { findRows, MIN_CHROMOSOME_SHARE } from './rows';

/** What every component of a karyogram turned out to be. */
export interface ClassifiedObjects {
  readonly pieces: Piece[];
  /** Thin dark strokes: printed numbers, titles, annotations. */
  readonly text: Component[];
  /**
   * Solid black marks drawn as thick as a thin chromosome: bold printed text such as the karyotype
   * ("46,XY") set under a karyogram. Not slot labels, and not chromosomes.
   */
  readonly boldText: Component[];
  /** Specks and pale fragments too small or thin to matter. */
  readonly debris: Component[];
  /** Objects too large for a chromosome (banners, frames, nuclei). */
  readonly oversized: Component[];
  /** Typical chromosome width, pixels (twice the median inscribed radius). */
  readonly chromosomeWidth: number;
  /** Area of a typical large chromosome, pixels (see areaReference). */
  readonly referenceArea: number;
}

/**
 * Most chromosome pieces a karyogram is read with: three cells' worth, above any real karyogram
 * (46 chromosomes, a few broken or with debris beside them).
 */
export const MAX_KARYOGRAM_PIECES = 150;

interface ComponentStats {
  readonly maxDistance: Float32Array;
  readonly meanDarkness: Float32Array;
  /** Share of each component's pixels darker than SOLID_DARKNESS. */
  readonly solidShare: Float32Array;
}

/** Darkness of printed ink: black strokes, never reached by most of a G-banded chromosome's pixels. */
const SOLID_DARKNESS = 0.8;

/**
 * A component with at least this share of solid pixels, and no thicker than BOLD_TEXT_RADIUS of the
 * typical chromosome, is bold print. On the 14 karyograms of ../shared/data the printed "46,XY" under
 * AICS-24-80 has 58–62 % solid pixels at 0.50–0.58 of the typical radius; no chromosome has more than
 * 39 % (the darkest, AICS-10-55's), and those are at 0.9 of the typical radius or thicker.
 */
const BOLD_TEXT_SOLID_SHARE = 0.5;
const BOLD_TEXT_RADIUS = 0.75;

function componentStats(
  labelling: Labelling,
  distance: Float32Array,
  darkness: Float32Array,
): ComponentStats {
  const n = labelling.components.length + 1;
  const maxDistance = new Float32Array(n);
  const sumDarkness = new Float64Array(n);
  const solid = new Float64Array(n);
  const { labels } = labelling;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l === 0) continue;
    const d = distance[i] ?? 0;
    if (d > (maxDistance[l] ?? 0)) maxDistance[l] = d;
    sumDarkness[l] = (sumDarkness[l] ?? 0) + (darkness[i] ?? 0);
    if ((darkness[i] ?? 0) > SOLID_DARKNESS) solid[l] = (solid[l] ?? 0) + 1;
  }
  const meanDarkness = new Float32Array(n);
  const solidShare = new Float32Array(n);
  for (const c of labelling.components) {
    meanDarkness[c.label] = (sumDarkness[c.label] ?? 0) / c.area;
    solidShare[c.label] = (solid[c.label] ?? 0) / c.area;
  }
  return { maxDistance, meanDarkness, solidShare };
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? 0;
}

/**
 * Area of a typical large object: going from the largest down, the one at which 30 % of all object
 * pixels are reached. Chromosomes hold most object pixels of a karyogram, so this is a large chromosome
 * however much small text the page carries.
 */
function areaReference(components: readonly Component[]): number {
  const areas = components.map((c) => c.area).sort((a, b) => b - a);
  const total = areas.reduce((sum, a) => sum + a, 0);
  let cumulative = 0;
  for (const area of areas) {
    cumulative += area;
    if (cumulative >= 0.3 * total) return area;
  }
  return areas[areas.length - 1] ?? 0;
}

/**
 * The karyogram row of each chromosome part large enough to shape rows, found before broken parts are
 * joined so that a join cannot chain two rows together. A band of fewer than MIN_ROW_PIECES parts is
 * no row (the broken-off top of a 1 standing above the rest of its row): its parts get none, and may
 * join any.
 */
function rowsOfParts(
  labelling: Labelling,
  parts: readonly Component[],
  referenceArea: number,
): Map<Component, number> {
  const large = parts.filter((c) => c.area >= MIN_CHROMOSOME_SHARE * referenceArea);
  const pieceToPart = new Map<Piece, Component>(large.map((c) => [pieceOf(labelling, [c]), c]));
  const rowOf = new Map<Component, number>();
  findRows([...pieceToPart.keys()], referenceArea).forEach((row, index) => {
    if (row.pieces.length < MIN_ROW_PIECES) return;
    for (const piece of row.pieces) {
      const part = pieceToPart.get(piece);
      if (part !== undefined) rowOf.set(part, index);
    }
  });
  return rowOf;
}

/**
 * Sorts components into chromosome pieces, text, debris and oversized objects. Chromosomes are thick
 * (their inscribed radius is a few pixels at any scale) while printed numbers and baselines are thin
 * strokes, so the inscribed radius relative to the typical chromosome's separates them at any scale.
 * Bold print is nearly as thick as a thin chromosome, but solid black where a chromosome is banded.
 */
export function classifyComponents(
  labelling: Labelling,
  distance: Float32Array,
  darkness: Float32Array,
): ClassifiedObjects {
  const stats = componentStats(labelling, distance, darkness);
  const { width, height } = labelling;
  const isOversized = (c: Component): boolean =>
    boxWidth(c.box) > 0.3 * width || boxHeight(c.box) > 0.45 * height;
  const sizeable = labelling.components.filter((c) => c.area >= 12 && !isOversized(c));
  const referenceArea = areaReference(sizeable);
  const candidates = sizeable.filter((c) => c.area >= 0.1 * referenceArea);
  const typicalRadius = Math.max(
    1,
    quantile(
      candidates.map((c) => stats.maxDistance[c.label] ?? 0),
      0.5,
    ),
  );
  const chromosomeWidth = 2 * typicalRadius;
  const chromosomeComponents: Component[] = [];
  const smallThick: Component[] = [];
  const text: Component[] = [];
  const boldText: Component[] = [];
  const debris: Component[] = [];
  const oversized: Component[] = [];
  for (const c of labelling.components) {
    const radius = stats.maxDistance[c.label] ?? 0;
    if (isOversized(c)) oversized.push(c);
    else if (radius <= 0.45 * typicalRadius) {
      if ((stats.meanDarkness[c.label] ?? 0) >= 0.45 && c.area >= 12) text.push(c);
      else debris.push(c);
    } else if (
      radius <= BOLD_TEXT_RADIUS * typicalRadius &&
      (stats.solidShare[c.label] ?? 0) >= BOLD_TEXT_SOLID_SHARE
    )
      boldText.push(c);
    else if (c.area < 0.04 * referenceArea) smallThick.push(c);
    else chromosomeComponents.push(c);
  }
  // Checked before parts are joined: joining is quadratic in the parts, and a karyogram's at most
  // MAX_KARYOGRAM_PIECES chromosomes come in a few parts each at the very most.
  if (chromosomeComponents.length > 4 * MAX_KARYOGRAM_PIECES) {
    throw new KaryogramRejectedError(
      'too-many-objects',
      `${chromosomeComponents.length} chromosome-like objects before broken ones are joined`,
    );
  }
  // Pale thin bits right next to a chromosome (satellites, a pale p-arm of an acrocentric) belong to it.
  const paleBits = debris.filter((c) => c.area >= 0.003 * referenceArea);
  debris.splice(0, debris.length, ...debris.filter((c) => c.area < 0.003 * referenceArea));
  const rowOf = rowsOfParts(labelling, chromosomeComponents, referenceArea);
  const groups = groupBrokenParts(chromosomeComponents, smallThick, paleBits, chromosomeWidth, debris, rowOf);
  const pieces = groups.map((members) => pieceOf(labelling, members));
  return { pieces, text, boldText, debris, oversized, chromosomeWidth, referenceArea };
}
