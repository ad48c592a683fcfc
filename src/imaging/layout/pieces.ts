import { componentMask, type Component, type Labelling } from '../segment/components';
import {
  boxHeight,
  boxWidth,
  horizontalOverlap,
  unionBox,
  verticalOverlap,
  type BinaryMask,
  type PixelBox,
} from '../segment/mask';

/** A candidate chromosome: one component, or several merged, or part of one after a split. */
export interface Piece {
  /** Bounding box in image pixels. */
  readonly box: PixelBox;
  /** Object pixels, relative to `box`. */
  readonly mask: BinaryMask;
  /** Object pixels, count. */
  readonly area: number;
  /** Centroid in image pixels. */
  readonly centroidX: number;
  readonly centroidY: number;
  /** How many components were merged into it (1 normally, more for a broken chromosome). */
  readonly parts: number;
  /** True when it was cut off a blob of touching chromosomes. */
  readonly split: boolean;
}

/** What every component of a karyogram turned out to be. */
export interface ClassifiedObjects {
  readonly pieces: Piece[];
  /** Thin dark strokes: printed numbers, titles, annotations. */
  readonly text: Component[];
  /** Specks and pale fragments too small or thin to matter. */
  readonly debris: Component[];
  /** Objects too large for a chromosome (banners, frames, nuclei). */
  readonly oversized: Component[];
  /** Typical chromosome width, pixels (twice the median inscribed radius). */
  readonly chromosomeWidth: number;
  /** Area of a typical large chromosome, pixels (see areaReference). */
  readonly referenceArea: number;
}

interface ComponentStats {
  readonly maxDistance: Float32Array;
  readonly meanDarkness: Float32Array;
}

function componentStats(
  labelling: Labelling,
  distance: Float32Array,
  darkness: Float32Array,
): ComponentStats {
  const n = labelling.components.length + 1;
  const maxDistance = new Float32Array(n);
  const sumDarkness = new Float64Array(n);
  const { labels } = labelling;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l === 0) continue;
    const d = distance[i] ?? 0;
    if (d > (maxDistance[l] ?? 0)) maxDistance[l] = d;
    sumDarkness[l] = (sumDarkness[l] ?? 0) + (darkness[i] ?? 0);
  }
  const meanDarkness = new Float32Array(n);
  for (const c of labelling.components) meanDarkness[c.label] = (sumDarkness[c.label] ?? 0) / c.area;
  return { maxDistance, meanDarkness };
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

/** Makes a piece of the given components. */
export function pieceOf(labelling: Labelling, members: readonly Component[]): Piece {
  const first = members[0];
  if (first === undefined) throw new Error('a piece needs at least one component');
  let box = first.box;
  let area = 0;
  let sumX = 0;
  let sumY = 0;
  for (const c of members) {
    box = unionBox(box, c.box);
    area += c.area;
    sumX += c.centroidX * c.area;
    sumY += c.centroidY * c.area;
  }
  const mask = componentMask(labelling, new Set(members.map((c) => c.label)), box);
  return {
    box,
    mask,
    area,
    centroidX: sumX / area,
    centroidY: sumY / area,
    parts: members.length,
    split: false,
  };
}

/**
 * Sorts components into chromosome pieces, text, debris and oversized objects. Chromosomes are thick
 * (their inscribed radius is a few pixels at any scale) while printed numbers and baselines are thin
 * strokes, so the inscribed radius relative to the typical chromosome's separates them at any scale.
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
  const debris: Component[] = [];
  const oversized: Component[] = [];
  for (const c of labelling.components) {
    const radius = stats.maxDistance[c.label] ?? 0;
    if (isOversized(c)) oversized.push(c);
    else if (radius <= 0.45 * typicalRadius) {
      if ((stats.meanDarkness[c.label] ?? 0) >= 0.45 && c.area >= 12) text.push(c);
      else debris.push(c);
    } else if (c.area < 0.04 * referenceArea) smallThick.push(c);
    else chromosomeComponents.push(c);
  }
  // Pale thin bits right next to a chromosome (satellites, a pale p-arm of an acrocentric) belong to it.
  const paleBits = debris.filter((c) => c.area >= 0.003 * referenceArea);
  debris.splice(0, debris.length, ...debris.filter((c) => c.area < 0.003 * referenceArea));
  const groups = groupBrokenParts(chromosomeComponents, smallThick, paleBits, chromosomeWidth, debris);
  const pieces = groups.map((members) => pieceOf(labelling, members));
  return { pieces, text, debris, oversized, chromosomeWidth, referenceArea };
}

/**
 * Joins the parts of one chromosome: a chromosome broken across a pale band (or with a detached
 * satellite) appears as two blobs stacked along its length with a small gap. Homologs stand side by
 * side, never stacked, so a stacked neighbour within a fraction of a chromosome width is the same one.
 * Small thick specks join the nearest piece when close, otherwise they are debris.
 */
function groupBrokenParts(
  chromosomes: readonly Component[],
  specks: readonly Component[],
  paleBits: readonly Component[],
  chromosomeWidth: number,
  debris: Component[],
): Component[][] {
  const groups: Component[][] = chromosomes.map((c) => [c]);
  const tallest = Math.max(1, ...chromosomes.map((c) => boxHeight(c.box)));
  const boxOf = (g: readonly Component[]): PixelBox =>
    g.reduce<PixelBox>((b, c) => unionBox(b, c.box), (g[0] ?? { box: { x0: 0, y0: 0, x1: 0, y1: 0 } }).box);
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = boxOf(groups[i] ?? []);
        const b = boxOf(groups[j] ?? []);
        const narrower = Math.min(boxWidth(a), boxWidth(b));
        const stacked = horizontalOverlap(a, b) >= 0.5 * narrower;
        const gap = -verticalOverlap(a, b);
        const union = unionBox(a, b);
        if (
          stacked &&
          gap >= -0.25 * chromosomeWidth &&
          gap <= 0.75 * chromosomeWidth &&
          boxHeight(union) <= 1.1 * tallest
        ) {
          groups[i] = [...(groups[i] ?? []), ...(groups[j] ?? [])];
          groups.splice(j, 1);
          merged = true;
          break outer;
        }
      }
    }
  }
  const attach = (bit: Component, reach: number, needOverlap: boolean): void => {
    let best = -1;
    let bestDistance = Infinity;
    groups.forEach((g, index) => {
      const b = boxOf(g);
      const overlap = horizontalOverlap(b, bit.box);
      if (needOverlap && overlap < 0.3 * boxWidth(bit.box)) return;
      const d = Math.hypot(Math.max(0, -overlap), Math.max(0, -verticalOverlap(b, bit.box)));
      if (d < bestDistance) {
        bestDistance = d;
        best = index;
      }
    });
    const target = groups[best];
    if (target !== undefined && bestDistance <= reach) target.push(bit);
    else debris.push(bit);
  };
  for (const speck of specks) attach(speck, 0.75 * chromosomeWidth, false);
  for (const bit of paleBits) attach(bit, 0.35 * chromosomeWidth, true);
  return groups;
}

/**
 * Makes a piece of the object pixels of `mask`, whose top-left pixel sits at (`originX`, `originY`) in
 * the image; the piece's box is cut tight around them. Returns null when the mask is empty.
 */
export function pieceFromMask(
  mask: BinaryMask,
  originX: number,
  originY: number,
  flags: { parts: number; split: boolean },
): Piece | null {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = 0;
  let y1 = 0;
  let area = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] === 0) continue;
      area++;
      sumX += x;
      sumY += y;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  if (area === 0) return null;
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = mask.data[(y + y0) * mask.width + x + x0] ?? 0;
  }
  return {
    box: { x0: originX + x0, y0: originY + y0, x1: originX + x1, y1: originY + y1 },
    mask: { width, height, data },
    area,
    centroidX: originX + sumX / area,
    centroidY: originY + sumY / area,
    parts: flags.parts,
    split: flags.split,
  };
}
