import { describe, expect, it } from 'vitest';
import type { PixelBox } from '../src/imaging/segment/mask';
import { tallyAgainstBoxes } from './segmentation-against-boxes';

const WIDTH = 100;

/** Paints object `index` (1-based) over a rectangle of the label image; returns its area. */
function paint(objectOf: Int32Array, index: number, box: PixelBox): number {
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) objectOf[y * WIDTH + x] = index;
  return (box.x1 - box.x0) * (box.y1 - box.y0);
}

describe('tallyAgainstBoxes', () => {
  it('tells one object per box from missed, over-split, under-split and unboxed objects', () => {
    const objectOf = new Int32Array(WIDTH * WIDTH);
    const boxes: PixelBox[] = [
      { x0: 0, y0: 0, x1: 10, y1: 30 }, // one object of its own
      { x0: 20, y0: 0, x1: 30, y1: 30 }, // two pieces
      { x0: 40, y0: 0, x1: 50, y1: 30 }, // shares one object with the next box
      { x0: 50, y0: 0, x1: 60, y1: 30 },
      { x0: 70, y0: 0, x1: 80, y1: 30 }, // nothing found
    ];
    const areas = [
      paint(objectOf, 1, { x0: 2, y0: 2, x1: 8, y1: 28 }),
      paint(objectOf, 2, { x0: 22, y0: 2, x1: 28, y1: 16 }),
      paint(objectOf, 3, { x0: 22, y0: 17, x1: 28, y1: 24 }),
      paint(objectOf, 4, { x0: 42, y0: 2, x1: 58, y1: 28 }),
      paint(objectOf, 5, { x0: 40, y0: 60, x1: 60, y1: 80 }),
    ];
    const tally = tallyAgainstBoxes(objectOf, WIDTH, areas, [false, false, false, true, false], boxes);
    expect(tally).toEqual({
      boxes: 5,
      one: 1,
      oneDoubtful: 0,
      missed: 1,
      overSplit: 1,
      underSplit: 2,
      underSplitDoubtful: 2,
      objects: 5,
      objectsInNoBox: 1,
      objectsSpanningBoxes: 1,
    });
  });
});
