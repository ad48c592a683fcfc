import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { drawChromosome } from '../layout/draw-chromosome';
import { rasterFromCrop } from './chromosome-raster';
import { withoutHookedEnds } from './end-hook';
import { medialAxis, polylineLength, resamplePolyline, type Point } from './medial-axis';

/** Direction of travel from `a` to `b`, degrees. */
const heading = (a: Point, b: Point): number => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

/** A line 1 px apart: up a straight body, then (at its top) a turn of `turn` degrees over `hook` px. */
function lineWithHook(body: number, hook: number, turn: number): Point[] {
  const points: Point[] = [];
  for (let y = 0; y <= body; y++) points.push({ x: 0, y: -y });
  for (let k = 1; k <= hook; k++) {
    const angle = ((turn * k) / hook) * (Math.PI / 180);
    const last = points[points.length - 1] ?? { x: 0, y: 0 };
    points.push({ x: last.x + Math.sin(angle), y: last.y - Math.cos(angle) });
  }
  // p-ter first: the hooked end is the start of the line.
  return resamplePolyline(points.reverse(), 1);
}

describe('hooked centre-line ends', () => {
  it('runs a chromosome with a chromatid splayed sideways at its end straight to its tip', () => {
    // An upright chromosome 14 px wide; at its top one chromatid (6 px) splays out to the right along
    // the end. The skeleton's longest path runs into it and along the end, turning 90°.
    const image = createGrayImage(50, 110, 255);
    drawChromosome(
      image,
      [
        { x: 18, y: 12 },
        { x: 18, y: 98 },
      ],
      14,
      () => 0.6,
    );
    drawChromosome(
      image,
      [
        { x: 20, y: 8 },
        { x: 36, y: 7 },
      ],
      6,
      () => 0.6,
    );
    const axis = medialAxis(rasterFromCrop(image).mask, 14);
    // The raster is the crop padded by 3 px: the body's middle is x = 21, its top end y ≈ 8.
    const top = axis[0] ?? { x: 0, y: 0 };
    expect(top.y).toBeLessThan(12);
    expect(Math.abs(top.x - 21)).toBeLessThan(4.5);
    // Its last 8 px keep the body's direction (up) within 35°, not along the end (right).
    const inner = axis[8] ?? top;
    expect(Math.abs(heading(inner, top) - -90)).toBeLessThan(35);
    // About the body's length (86 px and two 7 px caps), not the body and the chromatid.
    expect(polylineLength(axis)).toBeLessThan(1.06 * 100);
    expect(polylineLength(axis)).toBeGreaterThan(0.95 * 100);
  });

  it('cuts a hook that runs along the outline back to where it turns', () => {
    const line = lineWithHook(60, 8, 100);
    // Body radius 7; along the hook the line is 2 px from the background (one chromatid's edge).
    const radiusAt = (p: Point): number => (p.y < -60 ? 2 : 7);
    const { line: cut, startCut, endCut } = withoutHookedEnds(line, 14, radiusAt);
    expect(startCut).toBe(true);
    expect(endCut).toBe(false);
    const first = cut[0] ?? { x: 99, y: 99 };
    // Cut where the turn begins (the top of the straight body, y = −60), not inside the body's bulk.
    expect(first.y).toBeGreaterThan(-61);
    expect(first.y).toBeLessThan(-48);
    expect(Math.abs(first.x)).toBeLessThan(0.5);
  });

  it('keeps the turn of a line that stays in the middle of a bent end, and a straight line whole', () => {
    const line = lineWithHook(60, 8, 100);
    const centred = withoutHookedEnds(line, 14, () => 7);
    expect(centred.line).toEqual(line);
    expect(centred.startCut).toBe(false);
    const straight = lineWithHook(68, 0, 0);
    const kept = withoutHookedEnds(straight, 14, () => 2);
    expect(kept.line).toEqual(straight);
  });
});
