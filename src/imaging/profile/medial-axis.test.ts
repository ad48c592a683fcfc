import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { drawChromosome } from '../layout/draw-chromosome';
import { rasterFromCrop } from './chromosome-raster';
import { medialAxis, polylineLength, resamplePolyline, type Point } from './medial-axis';

/** Distance from a point to a polyline, pixels. */
function distanceToPath(p: Point, path: readonly Point[]): number {
  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] ?? p;
    const b = path[i] ?? p;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const f = Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(p.x - a.x - f * dx, p.y - a.y - f * dy));
  }
  return best;
}

/** A C-shaped centre line: a half circle of radius `r` bulging left, p-ter at the top. */
function arc(cx: number, cy: number, r: number): Point[] {
  return Array.from({ length: 41 }, (_, k) => {
    const angle = -Math.PI / 2 + (Math.PI * k) / 40;
    return { x: cx - r * Math.cos(angle), y: cy + r * Math.sin(angle) };
  });
}

describe('medialAxis', () => {
  it('follows a bent chromosome from tip to tip, p-ter first', () => {
    const image = createGrayImage(90, 110, 255);
    const path = arc(60, 55, 38);
    drawChromosome(image, path, 14, () => 0.6);
    const raster = rasterFromCrop(image);
    const axis = medialAxis(raster.mask, 14);
    // The raster is the crop padded by 3 px on each side.
    const shifted = axis.map((p) => ({ x: p.x - 3, y: p.y - 3 }));
    // Beyond the drawn ends the axis runs on through the rounded caps (7 px): check the rest.
    const ends = [path[0], path[path.length - 1]].filter((p): p is Point => p !== undefined);
    const inner = shifted.filter((p) => ends.every((e) => Math.hypot(p.x - e.x, p.y - e.y) > 8));
    expect(inner.length).toBeGreaterThan(0.7 * shifted.length);
    const worst = Math.max(...inner.map((p) => distanceToPath(p, path)));
    expect(worst).toBeLessThan(2.5);
    const drawnLength = polylineLength(path) + 14; // plus the two rounded caps
    expect(polylineLength(axis)).toBeGreaterThan(0.9 * drawnLength);
    expect(polylineLength(axis)).toBeLessThan(1.08 * drawnLength);
    const first = shifted[0];
    const last = shifted[shifted.length - 1];
    expect(first?.y ?? 0).toBeLessThan(last?.y ?? 0);
    expect(first?.y ?? 99).toBeLessThan(20);
  });

  it('ends a hooked chromosome at its tip instead of running on across its own body', () => {
    // Up a bar, right, down and back left: the end tangent points at the bar, 6 px across a gap, the
    // way a chromosome bent over at the end lies.
    const image = createGrayImage(80, 115, 255);
    const path = [
      { x: 17, y: 100 },
      { x: 17, y: 17 },
      { x: 53, y: 17 },
      { x: 53, y: 43 },
      { x: 37, y: 43 },
    ];
    drawChromosome(image, path, 14, () => 0.6);
    const axis = medialAxis(rasterFromCrop(image).mask, 14);
    // Points far apart along the axis never come close: it does not cross or touch itself.
    let closest = Infinity;
    for (let i = 0; i < axis.length; i++) {
      for (let j = i + 3 * 14; j < axis.length; j++) {
        const a = axis[i] ?? { x: 0, y: 0 };
        const b = axis[j] ?? { x: 0, y: 0 };
        closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    }
    expect(closest).toBeGreaterThan(5);
    // About the drawn length: the centre line plus its two rounded caps, not the bar crossed again.
    expect(polylineLength(axis)).toBeLessThan(1.05 * (polylineLength(path) + 14));
  });

  it('runs along a straight upright chromosome and reaches both tips', () => {
    const image = createGrayImage(30, 80, 255);
    drawChromosome(
      image,
      [
        { x: 15, y: 10 },
        { x: 15, y: 70 },
      ],
      12,
      () => 0.5,
    );
    const axis = medialAxis(rasterFromCrop(image).mask, 12);
    const first = axis[0];
    const last = axis[axis.length - 1];
    expect(first?.y ?? 0).toBeLessThan(3 + 6);
    expect(last?.y ?? 0).toBeGreaterThan(3 + 74);
    for (const p of axis) expect(Math.abs(p.x - 18)).toBeLessThan(1.5);
  });

  it('runs tip to tip through a short, wide chromosome with a speck stuck to its side', () => {
    // A 22-like blob (30 × 14 px) and a speck touching its outline on the right, two thirds down: the
    // speck's skeleton branch is longer than the stub of the main branch below it, so the longest
    // skeleton path turns into the speck. (A speck at the very bottom corner still captures the axis:
    // there the main branch has no tip of its own.)
    const image = createGrayImage(40, 50, 255);
    drawChromosome(
      image,
      [
        { x: 18, y: 10 },
        { x: 18, y: 26 },
      ],
      14,
      () => 0.6,
    );
    for (let y = 20; y < 24; y++) for (let x = 25; x < 30; x++) image.pixels[y * 40 + x] = 120;
    const axis = medialAxis(rasterFromCrop(image).mask, 14);
    const first = axis[0];
    const last = axis[axis.length - 1];
    // Raster = crop + 3 px: the chromosome spans y 3 … 36 and x 14 … 28 in it, its axis at x = 21.
    expect(first?.y ?? 99).toBeLessThan(3 + 8);
    expect(last?.y ?? 0).toBeGreaterThan(3 + 30);
    for (const p of axis) expect(Math.abs(p.x - 21)).toBeLessThan(2);
  });

  it('resamples polylines at equal steps', () => {
    const points = resamplePolyline(
      [
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 10 },
      ],
      0.5,
    );
    expect(points).toHaveLength(41);
    expect(polylineLength(points)).toBeCloseTo(20, 5);
  });
});
