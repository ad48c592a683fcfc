import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { drawChromosome } from '../layout/draw-chromosome';
import { rasterFromCrop } from './chromosome-raster';
import { medialAxis, polylineLength, type Point } from './medial-axis';

/** Largest distance of a line's points from the vertical x = `x`, pixels. */
const largestOffset = (line: readonly Point[], x: number): number =>
  Math.max(...line.map((p) => Math.abs(p.x - x)));

describe('the centre line of a short chromosome', () => {
  it('runs straight down a short chromosome whose skeleton turns into a protrusion at an end', () => {
    // An upright chromosome 16 px wide and 40 px long (2.5 widths), with a lump 7 px wide sticking out
    // sideways at its lower end (a chromatid splayed out): its skeleton's longest path turns into the
    // lump, and the line then samples the lower end across instead of along (98917NVG's 18 scored 1.00).
    const image = createGrayImage(60, 60, 255);
    drawChromosome(
      image,
      [
        { x: 20, y: 10 },
        { x: 20, y: 34 },
      ],
      16,
      () => 0.6,
    );
    drawChromosome(
      image,
      [
        { x: 22, y: 30 },
        { x: 32, y: 32 },
      ],
      7,
      () => 0.6,
    );
    const axis = medialAxis(rasterFromCrop(image).mask, 16);
    // The raster is the crop padded by 3 px: the body's middle is x = 23.
    expect(largestOffset(axis, 23)).toBeLessThan(0.25 * 16);
    const last = axis[axis.length - 1] ?? { x: 0, y: 0 };
    expect(last.y).toBeGreaterThan(42);
  });

  it('keeps a thin short arm curled sideways at an end on the line', () => {
    // A short upright chromosome (16 px wide) whose short arm, 6 px thin, curls out to the left at its
    // top, as an acrocentric's can (pki3's 15s): the straight line down the body runs more centrally, but
    // it would leave the arm out of the profile; the skeleton's line, which runs into it, stands.
    const image = createGrayImage(60, 70, 255);
    drawChromosome(
      image,
      [
        { x: 24, y: 12 },
        { x: 24, y: 34 },
      ],
      16,
      () => 0.6,
    );
    drawChromosome(
      image,
      [
        { x: 22, y: 10 },
        { x: 8, y: 12 },
      ],
      6,
      () => 0.6,
    );
    const axis = medialAxis(rasterFromCrop(image).mask, 16);
    // The raster is the crop padded by 3 px: the body's middle is x = 27, the arm reaches x ≈ 8.
    const top = axis[0] ?? { x: 99, y: 0 };
    expect(top.x).toBeLessThan(27 - 8);
  });

  it('keeps the bent line of a short chromosome that is itself bent', () => {
    // A short chromosome bent into a C: the straight line between its ends would cross the background
    // inside the bend, so the skeleton's line, which follows the bend, is the one that stays in it.
    const image = createGrayImage(60, 60, 255);
    drawChromosome(
      image,
      [
        { x: 30, y: 10 },
        { x: 20, y: 22 },
        { x: 20, y: 34 },
        { x: 30, y: 46 },
      ],
      12,
      () => 0.6,
    );
    const axis = medialAxis(rasterFromCrop(image).mask, 12);
    const first = axis[0] ?? { x: 0, y: 0 };
    const last = axis[axis.length - 1] ?? { x: 0, y: 0 };
    // It bulges to the left of the chord between its ends by most of the drawn bend (10 px).
    const chordX = 0.5 * (first.x + last.x);
    expect(Math.min(...axis.map((p) => p.x))).toBeLessThan(chordX - 5);
    expect(polylineLength(axis)).toBeGreaterThan(1.1 * Math.hypot(last.x - first.x, last.y - first.y));
  });
});
