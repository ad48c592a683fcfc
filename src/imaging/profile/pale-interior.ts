import type { BinaryMask } from '../segment/mask';
import { distanceToBackground } from '../segment/distance';
import { fillHoles } from '../segment/mask-tools';

/** Closing radius as a share of the chromosome's width: bridges a pale gap up to about 0.3 widths. */
const CLOSING_RADIUS_PER_WIDTH = 0.15;
/**
 * A pale interior filled leaves a body no wider than a chromosome: none of its pixels lies further than
 * this share of the width from the background. (The slot between the arms of a chromosome bent into a U,
 * filled, would leave a body two arms wide.)
 */
const MAX_FILLED_DEPTH_PER_WIDTH = 0.75;
/** A pale interior this small (share of width²) leaves the skeleton as it is: not worth changing it. */
const MIN_INTERIOR_AREA_PER_WIDTH_SQUARED = 0.15;

function padded(mask: BinaryMask, pad: number): BinaryMask {
  const width = mask.width + 2 * pad;
  const height = mask.height + 2 * pad;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < mask.height; y++) {
    data.set(mask.data.subarray(y * mask.width, (y + 1) * mask.width), (y + pad) * width + pad);
  }
  return { width, height, data };
}

/** Morphological closing with a (chamfer) disk of `radius` pixels; the mask must have `radius` + 1 of margin. */
function closing(mask: BinaryMask, radius: number): BinaryMask {
  const { width, height, data } = mask;
  const background = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) background[i] = data[i] === 0 ? 1 : 0;
  const toObject = distanceToBackground({ width, height, data: background });
  const dilated = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) dilated[i] = data[i] !== 0 || (toObject[i] ?? 0) <= radius ? 1 : 0;
  const toOutside = distanceToBackground({ width, height, data: dilated });
  const closed = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) closed[i] = data[i] !== 0 || (toOutside[i] ?? 0) > radius ? 1 : 0;
  return { width, height, data: closed };
}

/**
 * The chromosome's mask with its pale interiors filled: where the threshold left the inside of a
 * chromosome pale (a pale band between two dark chromatid outlines) and the outline is broken by a gap
 * narrower than about 0.3 widths, the pale inside is not a hole to fill, and the skeleton runs round it
 * (a loop or a U, sampling the outline twice). Closing the mask closes the gap; the background the
 * closed mask encloses (with the gap that opened it) is added to the mask. Nothing else changes: a
 * concavity the closing only narrows, or a slot it fills without enclosing anything, stays as it was, and
 * so does an enclosed region wider than a pale interior can be (the space inside a chromosome bent into
 * an O).
 *
 * @param filled the chromosome's pixels with its closed holes already filled
 * @param width typical chromosome width, pixels
 */
export function withPaleInteriorsFilled(filled: BinaryMask, width: number): BinaryMask {
  const radius = Math.max(2, Math.round(CLOSING_RADIUS_PER_WIDTH * width));
  const pad = radius + 2;
  const base = padded(filled, pad);
  const closed = closing(base, radius);
  const enclosed = fillHoles(closed);
  const { width: w, height: h } = base;
  // Candidates: everything the closing and the hole filling added to the mask.
  const added = new Uint8Array(w * h);
  let any = false;
  for (let i = 0; i < added.length; i++) {
    if (enclosed.data[i] !== 0 && base.data[i] === 0) {
      added[i] = 1;
      any = true;
    }
  }
  if (!any) return filled;
  // Distance from the outside background, across the mask: a dent the closing filled lies within about
  // its radius of the outside; a pale interior, behind its walls, lies deeper.
  const depth = distanceToBackground(enclosed);
  const label = new Int32Array(w * h).fill(-1);
  const stack = new Int32Array(w * h);
  const out = new Uint8Array(base.data);
  let changed = false;
  const minArea = MIN_INTERIOR_AREA_PER_WIDTH_SQUARED * width * width;
  const minDepth = radius + 1.5;
  const maxDepth = MAX_FILLED_DEPTH_PER_WIDTH * width;
  for (let seed = 0; seed < added.length; seed++) {
    if (added[seed] === 0 || label[seed] !== -1) continue;
    // One 4-connected piece of what was added: a pale interior with its gap, or a filled concavity.
    const members: number[] = [];
    let deepest = 0;
    label[seed] = seed;
    let top = 0;
    stack[top++] = seed;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      members.push(i);
      deepest = Math.max(deepest, depth[i] ?? 0);
      const x = i % w;
      const neighbours = [x > 0 ? i - 1 : -1, x + 1 < w ? i + 1 : -1, i - w, i + w];
      for (const j of neighbours) {
        if (j < 0 || j >= added.length || added[j] === 0 || label[j] !== -1) continue;
        label[j] = seed;
        stack[top++] = j;
      }
    }
    if (members.length < minArea || deepest <= minDepth || deepest > maxDepth) continue;
    for (const i of members) out[i] = 1;
    changed = true;
  }
  if (!changed) return filled;
  const data = new Uint8Array(filled.width * filled.height);
  for (let y = 0; y < filled.height; y++) {
    data.set(out.subarray((y + pad) * w + pad, (y + pad) * w + pad + filled.width), y * filled.width);
  }
  return { width: filled.width, height: filled.height, data };
}
