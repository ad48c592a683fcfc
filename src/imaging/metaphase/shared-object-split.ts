import type { Labelling } from '../segment/components';
import type { PixelBox } from '../segment/mask';

/** Which box each pixel of one object belongs to, over the smallest box holding all the boxes. */
export interface ObjectSplit {
  /** The region the owners cover, image pixels. */
  readonly region: PixelBox;
  /** Per pixel of `region`, row-major: the index into `boxes` of its owner, −1 for none. */
  readonly owner: Int16Array;
  /** For each box, the other boxes whose pixels of the object touch its own (indices into `boxes`). */
  readonly touching: readonly ReadonlySet<number>[];
}

const NEIGHBOURS = [-1, 0, 1, 0, 0, -1, 0, 1, -1, -1, 1, 1, -1, 1, 1, -1] as const;

/**
 * Splits one object that several boxes are drawn round (chromosomes touching or crossing) between them:
 * its pixels inside one box only are that box's chromosome for sure, and every other pixel of it goes to
 * the box whose sure pixels reach it first, walking through the object (8-connected, breadth first).
 * Where two chromosomes touch end to end this cuts them where they meet; where they cross, the crossing
 * is shared out by distance and stays doubtful.
 *
 * @param label the object's label in `labelling`
 */
export function splitSharedObject(
  labelling: Labelling,
  label: number,
  boxes: readonly PixelBox[],
): ObjectSplit {
  const region: PixelBox = {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
  const width = region.x1 - region.x0;
  const height = region.y1 - region.y0;
  const owner = new Int16Array(width * height).fill(-1);
  const queue = new Int32Array(width * height);
  let tail = 0;
  const inObject = (x: number, y: number): boolean =>
    labelling.labels[(y + region.y0) * labelling.width + x + region.x0] === label;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (!inObject(x, y)) continue;
      const ix = x + region.x0;
      const iy = y + region.y0;
      let only = -1;
      let holders = 0;
      boxes.forEach((b, k) => {
        if (ix >= b.x0 && ix < b.x1 && iy >= b.y0 && iy < b.y1) {
          holders++;
          only = k;
        }
      });
      if (holders === 1) {
        owner[y * width + x] = only;
        queue[tail++] = y * width + x;
      }
    }
  for (let head = 0; head < tail; head++) {
    const at = queue[head] ?? 0;
    const x = at % width;
    const y = (at - x) / width;
    for (let n = 0; n < NEIGHBOURS.length; n += 2) {
      const nx = x + (NEIGHBOURS[n] ?? 0);
      const ny = y + (NEIGHBOURS[n + 1] ?? 0);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const next = ny * width + nx;
      if (owner[next] !== -1 || !inObject(nx, ny)) continue;
      owner[next] = owner[at] ?? -1;
      queue[tail++] = next;
    }
  }
  const touching = boxes.map(() => new Set<number>());
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const mine = owner[y * width + x] ?? -1;
      if (mine < 0) continue;
      for (let n = 0; n < NEIGHBOURS.length; n += 2) {
        const nx = x + (NEIGHBOURS[n] ?? 0);
        const ny = y + (NEIGHBOURS[n + 1] ?? 0);
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
        const theirs = owner[ny * width + nx] ?? -1;
        if (theirs >= 0 && theirs !== mine) touching[mine]?.add(theirs);
      }
    }
  return { region, owner, touching };
}
