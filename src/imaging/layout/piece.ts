import { componentMask, type Component, type Labelling } from '../segment/components';
import { unionBox, type BinaryMask, type PixelBox } from '../segment/mask';

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
