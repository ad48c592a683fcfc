import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../shared/gray-image';
import { createRandom, type Random } from '../shared/random';
import { normalisePolarity } from './decode/polarity';
import { drawChromosome } from './layout/draw-chromosome';
import { parseKaryogram } from './layout/parse-karyogram';
import { rasterFromCrop, rasterFromImage } from './profile/chromosome-raster';
import { withoutHookedEnds } from './profile/end-hook';
import { medialAxis, resamplePolyline, type Point } from './profile/medial-axis';
import { skeletonPathCandidates } from './profile/skeleton-path';
import type { ChromosomeRaster } from './profile/straighten';
import { thinMask } from './profile/thinning';
import { extendToTip } from './profile/tip-extension';
import { distanceToBackground } from './segment/distance';
import type { BinaryMask } from './segment/mask';
import { fillHoles } from './segment/mask-tools';
import { formerExtendToTip, formerMedialAxis } from './testing/former-centre-line';
import { renderedKaryogram } from './testing/rendered-cells';
import { REAL_KARYOGRAMS, REAL_PKI3, filesUnder, firstPage } from './testing/real-data-folders.node';

/**
 * Issue #25 made the centre line faster without changing what it computes: the extension to a tip
 * compares each step only with the line's points beside the ray, and a raster's own distance transform
 * stands in for the one the hook check made of the filled mask. Each is checked here against the former
 * code (testing/former-centre-line.ts), to the bit: on crafted lines and masks, a rendered karyogram, and
 * the real karyograms and pki3 crops of ../shared/data where they are. (A change to what the centre line
 * computes goes into formerMedialAxis too, or the whole-axis checks here fail.)
 */

/** Whether two lines hold the same points, coordinate for coordinate and bit for bit (−0 is not 0). */
function sameLine(a: readonly Point[], b: readonly Point[]): boolean {
  return a.length === b.length && a.every((p, i) => Object.is(p.x, b[i]?.x) && Object.is(p.y, b[i]?.y));
}

/** A line 1 px apart that wanders: each step turns by a random amount, sometimes sharply (hooks, loops). */
function wanderingLine(random: Random, start: Point, steps: number): Point[] {
  const points: Point[] = [start];
  let heading = random.uniform(0, 2 * Math.PI);
  const bend = random.uniform(0, 0.3);
  for (let i = 0; i < steps; i++) {
    heading += random.uniform(-bend, bend) + (random.next() < 0.08 ? random.uniform(-2.5, 2.5) : 0);
    const last = points[points.length - 1] ?? start;
    points.push({ x: last.x + Math.cos(heading), y: last.y + Math.sin(heading) });
  }
  return points;
}

/** A raster of one chromosome drawn along `path` (crop pixels), `width` px wide. */
function drawnRaster(path: readonly Point[], width: number, size: number): ChromosomeRaster {
  const image = createGrayImage(size, size, 255);
  drawChromosome(image, path, width, () => 0.6);
  return rasterFromCrop(image);
}

/** Every extension the medial axis could ask for along the lines of `mask`'s skeleton, checked. */
function expectSameExtensions(mask: BinaryMask, width: number): void {
  const filled = fillHoles(mask);
  const distance = distanceToBackground(filled);
  const radiusAt = (p: Point): number => {
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    return x >= 0 && y >= 0 && x < filled.width && y < filled.height
      ? (distance[y * filled.width + x] ?? 0)
      : 0;
  };
  for (const path of skeletonPathCandidates(thinMask(filled))) {
    const line = resamplePolyline(path, 1);
    for (const candidate of [line, withoutHookedEnds(line, width, radiusAt).line]) {
      for (const points of [candidate, [...candidate].reverse()]) {
        for (const [span, gap, clearance] of [
          [Math.max(2, Math.round(0.4 * width)), Math.max(2, 0.5 * width), Math.max(1, 0.25 * width)],
          [Math.max(4, Math.round(1.2 * width)), Math.max(2, 0.5 * width), Math.max(1, 0.25 * width)],
        ] as const) {
          expect(
            sameLine(
              extendToTip(points, filled, span, gap, clearance),
              formerExtendToTip(points, filled, span, gap, clearance),
            ),
          ).toBe(true);
        }
      }
    }
  }
}

/** The medial axis of a raster, given its distance and not, against the former code. */
function expectSameAxis(raster: ChromosomeRaster, width: number): void {
  const former = formerMedialAxis(raster.mask, width);
  expect(sameLine(medialAxis(raster.mask, width, raster.distance), former)).toBe(true);
  expect(sameLine(medialAxis(raster.mask, width), former)).toBe(true);
  expectSameExtensions(raster.mask, width);
}

describe("the faster centre line gives the former code's axes, to the bit (issue #25)", () => {
  it('extends crafted lines to the tips of crafted masks as before, also where they run back at themselves', () => {
    const random = createRandom(2025);
    let stoppedAtBody = 0;
    for (let round = 0; round < 300; round++) {
      const size = random.int(20, 90);
      const line = wanderingLine(random, { x: size / 2, y: size / 2 }, random.int(2, 160));
      // The chromosome drawn along the line, or specks and blobs unrelated to it.
      const width = random.uniform(3, 24);
      const mask =
        random.next() < 0.5
          ? drawnRaster(line, width, size).mask
          : {
              width: size,
              height: size,
              data: new Uint8Array(size * size).map(() => (random.next() < 0.6 ? 1 : 0)),
            };
      for (const points of [
        line,
        resamplePolyline(line, 1),
        line.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })),
      ]) {
        const span = random.int(1, 30);
        const gap = random.uniform(0, 15);
        const clearance = random.uniform(0.5, 8);
        const former = formerExtendToTip(points, mask, span, gap, clearance);
        expect(sameLine(extendToTip(points, mask, span, gap, clearance), former)).toBe(true);
        // Without a clearance nothing is near: where that runs further, the line's own body stopped it.
        if (formerExtendToTip(points, mask, span, gap, 0).length !== former.length) stoppedAtBody++;
      }
    }
    expect(stoppedAtBody).toBeGreaterThan(20);
  });

  it('decides a step exactly at the clearance from a point of the line as before (not near)', () => {
    // A line to (40, 20) heading along (ux, uy), and before it (first in the line) a row of points ahead
    // of its end, `across` pixels beside the ray: at, just inside and just outside the clearance.
    const mask: BinaryMask = { width: 90, height: 90, data: new Uint8Array(90 * 90).fill(1) };
    for (const [ux, uy] of [
      [1, 0],
      [0, -1],
      [0.6, 0.8],
      [-0.8, 0.6],
    ] as const) {
      for (const clearance of [5, 2.5, 1]) {
        for (const across of [clearance, -clearance, clearance - 1e-9, clearance + 1e-9, clearance - 1e-15]) {
          const ahead: Point[] = [];
          for (let k = 0; k <= 12; k++) {
            const t = 4 + k / 2;
            ahead.push({ x: 40 + t * ux - across * uy, y: 20 + t * uy + across * ux });
          }
          const body: Point[] = [];
          for (let t = -10; t <= 0; t++) body.push({ x: 40 + t * ux, y: 20 + t * uy });
          const points = [...ahead, ...body];
          expect(
            sameLine(
              extendToTip(points, mask, 3, 30, clearance),
              formerExtendToTip(points, mask, 3, 30, clearance),
            ),
          ).toBe(true);
        }
      }
    }
  });

  it('finds crafted chromosomes’ axes as before: straight, bent, hooked, coiled, with holes', () => {
    const random = createRandom(7);
    for (let round = 0; round < 40; round++) {
      const size = 110;
      const width = random.uniform(6, 20);
      const path = resamplePolyline(wanderingLine(random, { x: 55, y: 55 }, random.int(10, 70)), 4);
      const raster = drawnRaster(path, width, size);
      expectSameAxis(raster, width);
      // Holes punched in the mask: the distance handed in is not the filled mask's, so it must go unused.
      const holed = {
        ...raster.mask,
        data: raster.mask.data.map((v) => (v !== 0 && random.next() < 0.05 ? 0 : v)),
      };
      const former = formerMedialAxis(holed, width);
      expect(sameLine(medialAxis(holed, width, distanceToBackground(holed)), former)).toBe(true);
    }
  });

  it("finds a rendered karyogram's axes as before", () => {
    const { image } = renderedKaryogram('46,XY', { seed: 3, scannerNoise: 4 });
    const layout = parseKaryogram(image);
    expect(layout.chromosomes).toHaveLength(46);
    for (const c of layout.chromosomes) {
      expectSameAxis(rasterFromImage(image, c.box, c.mask, layout.background), layout.chromosomeWidth);
    }
  });

  // Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not, so it skips there.
  it.skipIf(!existsSync(REAL_KARYOGRAMS))(
    'finds the axes of the 14 real karyograms of ../shared/data as before',
    () => {
      const files = filesUnder(REAL_KARYOGRAMS);
      expect(files).toHaveLength(14);
      for (const file of files) {
        const image = normalisePolarity(firstPage(file)).image;
        const layout = parseKaryogram(image);
        for (const c of layout.chromosomes) {
          expectSameAxis(rasterFromImage(image, c.box, c.mask, layout.background), layout.chromosomeWidth);
        }
      }
    },
    120_000,
  );

  // Skips without ../shared/data, as the karyogram test above does.
  it.skipIf(!existsSync(REAL_PKI3))(
    'finds the axes of pki3 crops of ../shared/data as before',
    () => {
      const cases = readdirSync(REAL_PKI3).sort().slice(0, 3);
      for (const name of cases) {
        for (const file of filesUnder(join(REAL_PKI3, name)).slice(0, 46)) {
          const raster = rasterFromCrop(firstPage(file));
          let radius = 0;
          for (const d of raster.distance) radius = Math.max(radius, d);
          expectSameAxis(raster, Math.max(2, 2 * radius));
        }
      }
    },
    60_000,
  );
});
