import { describe, expect, it } from 'vitest';
import type { BinaryMask } from '../segment/mask';
import { medialAxis, polylineLength } from './medial-axis';
import { withPaleInteriorsFilled } from './pale-interior';

/** A mask `width` × `height` with the given rectangles (x0, y0, x1, y1 inclusive) set to `value`. */
function maskOf(
  width: number,
  height: number,
  rectangles: readonly (readonly [number, number, number, number, 0 | 1])[],
): BinaryMask {
  const data = new Uint8Array(width * height);
  for (const [x0, y0, x1, y1, value] of rectangles) {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * width + x] = value;
  }
  return { width, height, data };
}

const count = (mask: BinaryMask): number => mask.data.reduce((s, v) => s + v, 0);

/** Chromosome width of the crafted masks, pixels. */
const WIDTH = 24;

describe('pale chromosome interiors', () => {
  it('keeps the centre line in the middle of a chromosome whose pale interior is open through a gap', () => {
    // An upright chromosome 24 px wide (x 20..43) and 140 long (y 10..149). The threshold kept only the
    // dark outlines round a pale band (x 26..37, y 50..90), and its right outline is broken by a gap
    // 5 px tall: the pale inside is no hole, and the skeleton runs down the left outline round it.
    const mask = maskOf(64, 160, [
      [20, 10, 43, 149, 1],
      [26, 50, 37, 90, 0],
      [38, 68, 43, 72, 0],
    ]);
    const axis = medialAxis(mask, WIDTH);
    const centre = 31.5;
    // Away from the ends (where the line is only extended to the tip), every point of the line lies
    // within 0.15 widths of the chromosome's middle.
    const body = axis.filter((p) => p.y > 25 && p.y < 135);
    const offCentre = Math.max(...body.map((p) => Math.abs(p.x - centre)));
    expect(offCentre).toBeLessThan(0.15 * WIDTH);
    expect(polylineLength(axis)).toBeGreaterThan(0.9 * 140);
    expect(polylineLength(axis)).toBeLessThan(1.1 * 140);
  });

  it('fills the pale interior, and nothing outside the chromosome', () => {
    const mask = maskOf(64, 160, [
      [20, 10, 43, 149, 1],
      [26, 50, 37, 90, 0],
      [38, 68, 43, 72, 0],
    ]);
    const filled = withPaleInteriorsFilled(mask, WIDTH);
    const inInterior = (x: number, y: number): boolean => x >= 26 && x <= 43 && y >= 50 && y <= 90;
    const inBar = (x: number, y: number): boolean => x >= 20 && x <= 43 && y >= 10 && y <= 149;
    let interiorLeft = 0;
    let outsideSet = 0;
    for (let y = 0; y < filled.height; y++) {
      for (let x = 0; x < filled.width; x++) {
        const set = filled.data[y * filled.width + x] === 1;
        if (inInterior(x, y) && x <= 37 && !set) interiorLeft++;
        if (!inBar(x, y) && set) outsideSet++;
      }
    }
    expect(interiorLeft).toBe(0);
    expect(outsideSet).toBe(0);
  });

  it('leaves the slot between the arms of a chromosome bent into a U open', () => {
    // Two arms 24 px wide joined at the bottom, 6 px apart: the closing fills the slot, but filled it
    // would leave a body two arms wide, so it is not a pale interior.
    const mask = maskOf(90, 150, [
      [10, 10, 33, 139, 1],
      [40, 10, 63, 139, 1],
      [34, 116, 39, 139, 1],
    ]);
    const filled = withPaleInteriorsFilled(mask, WIDTH);
    expect(count(filled)).toBe(count(mask));
  });

  it('leaves a dent in the outline (a centromere, a pale band at the edge) as it is', () => {
    // A notch 10 px tall and 4 px deep in each side: the closing fills it, but it lies at the outline.
    const mask = maskOf(64, 160, [
      [20, 10, 43, 149, 1],
      [20, 60, 23, 69, 0],
      [40, 60, 43, 69, 0],
    ]);
    const filled = withPaleInteriorsFilled(mask, WIDTH);
    expect(count(filled)).toBe(count(mask));
  });
});
