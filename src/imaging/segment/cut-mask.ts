import { labelComponents } from './components';
import { distanceToPolyline } from '../profile/polyline';
import type { BinaryMask, Point } from './mask';

/**
 * Pixels within this distance of a cut's line are removed before the parts are labelled: a band about two
 * pixels wide, which no 8-connected path can cross, whatever the cut's angle.
 */
const CUT_HALF_WIDTH = 1;

/** A part smaller than this share of the object is a crumb the cut sliced off, not a chromosome. */
export const MIN_PART_SHARE = 0.08;

/**
 * An object's mask parted in two along a cut (a polyline in the mask's pixels, drawn across the object
 * from edge to edge): the two largest pieces left when the cut's band is removed, each then taking back
 * the band's and any crumbs' pixels that touch it first (a breadth-first growth inside the mask), so that
 * no pixel of the object is lost at the cut. The larger part comes first.
 *
 * @throws Error saying why, when the cut does not part the object or leaves a piece too small to be a
 *   chromosome (less than MIN_PART_SHARE of it)
 */
export function cutMask(mask: BinaryMask, cut: readonly Point[]): [BinaryMask, BinaryMask] {
  if (cut.length < 2) throw new Error('a cut needs at least two points, across the object from edge to edge');
  const { width, height, data } = mask;
  const kept = new Uint8Array(data.length);
  let area = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i] === 0) continue;
      area++;
      // Pixels on the cut's band go; what is left falls apart into the parts.
      if (distanceToPolyline(x, y, cut) > CUT_HALF_WIDTH) kept[i] = 1;
    }
  }
  const labelling = labelComponents({ width, height, data: kept });
  const pieces = [...labelling.components].sort((a, b) => b.area - a.area);
  const [first, second] = pieces;
  if (first === undefined || second === undefined)
    throw new Error('the cut does not part the object: draw it across from edge to edge');
  if (second.area < MIN_PART_SHARE * area)
    throw new Error(
      `the cut leaves a piece of ${String(Math.round((100 * second.area) / Math.max(1, area)))} % of the object, too small to be a chromosome`,
    );
  // 1: first part, 2: second part; grown from the two pieces through the rest of the object's pixels.
  const owner = new Uint8Array(data.length);
  const queue = new Int32Array(data.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < data.length; i++) {
    const label = labelling.labels[i] ?? 0;
    if (label === first.label || label === second.label) {
      owner[i] = label === first.label ? 1 : 2;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const i = queue[head++] ?? 0;
    const x = i % width;
    const y = (i - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const j = ny * width + nx;
        if (data[j] === 0 || owner[j] !== 0) continue;
        owner[j] = owner[i] ?? 0;
        queue[tail++] = j;
      }
    }
  }
  const part = (which: number): BinaryMask => ({
    width,
    height,
    data: Uint8Array.from(owner, (o) => (o === which ? 1 : 0)),
  });
  return [part(1), part(2)];
}
