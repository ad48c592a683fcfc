import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../shared/random';
import { normalisePolarity } from './decode/polarity';
import { parseKaryogram } from './layout/parse-karyogram';
import { rasterFromCrop, rasterFromImage } from './profile/chromosome-raster';
import { commonSamplesPerPixel } from './profile/common-scale-profiles';
import { medialAxis, polylineLength } from './profile/medial-axis';
import { skeletonPathCandidates } from './profile/skeleton-path';
import { straightenChromosome, type ChromosomeRaster } from './profile/straighten';
import { thinMask } from './profile/thinning';
import { darknessImage, estimateBackground } from './segment/background';
import { distanceToBackground } from './segment/distance';
import { componentMask, labelComponents } from './segment/components';
import { unionBox, type BinaryMask } from './segment/mask';
import { fillHoles } from './segment/mask-tools';
import { chooseThresholds, hysteresisThreshold } from './segment/threshold';
import {
  formerComponentMask,
  formerDistanceToBackground,
  formerFillHoles,
  formerHysteresisThreshold,
  formerSkeletonPathCandidates,
  formerStraightenChromosome,
  formerThinMask,
} from './testing/former-imaging';
import { renderedKaryogram } from './testing/rendered-cells';
import { REAL_KARYOGRAMS, REAL_PKI3, filesUnder, firstPage } from './testing/real-data-folders.node';

/**
 * Issue #25 made the karyogram's layout and profiles faster without changing what they compute: each
 * rewritten function is checked here against its former code (testing/former-imaging.ts), value for
 * value and to the bit, on crafted masks, on a rendered karyogram, and on the real karyograms and pki3
 * crops of ../shared/data where they are.
 */

/** Index of the first element that differs, bit for bit (−0 is not 0), or −1; a length mismatch is 0. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

/** A mask of a few overlapping ellipses and specks, with holes punched in (chromatid gaps, noise). */
function blobMask(random: Random, width: number, height: number): BinaryMask {
  const data = new Uint8Array(width * height);
  const blobs = random.int(1, 4);
  for (let b = 0; b < blobs; b++) {
    const cx = random.uniform(0, width);
    const cy = random.uniform(0, height);
    const rx = random.uniform(0.5, Math.max(1, width / 2));
    const ry = random.uniform(0.5, Math.max(1, height / 2));
    const angle = random.uniform(0, Math.PI);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const u = ((x - cx) * Math.cos(angle) + (y - cy) * Math.sin(angle)) / rx;
        const v = (-(x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle)) / ry;
        if (u * u + v * v <= 1) data[y * width + x] = 1;
      }
    }
  }
  for (let i = 0; i < data.length; i++) if (random.next() < 0.03) data[i] = data[i] === 0 ? 1 : 0;
  return { width, height, data };
}

/** Checks every rewritten step of one chromosome's profile against its former code. */
function expectSameProfileSteps(raster: ChromosomeRaster, chromosomeWidth: number, step: number): void {
  const filled = fillHoles(raster.mask);
  expect(firstDifference(filled.data, formerFillHoles(raster.mask).data)).toBe(-1);
  const skeleton = thinMask(filled);
  expect(firstDifference(skeleton.data, formerThinMask(filled).data)).toBe(-1);
  expect(skeletonPathCandidates(skeleton)).toEqual(formerSkeletonPathCandidates(skeleton));
  expect(firstDifference(distanceToBackground(raster.mask), formerDistanceToBackground(raster.mask))).toBe(
    -1,
  );
  const axis = medialAxis(raster.mask, chromosomeWidth);
  const halfWidth = 0.75 * chromosomeWidth + 2;
  const straightened = straightenChromosome(raster, axis, step, halfWidth);
  const former = formerStraightenChromosome(raster, axis, step, halfWidth);
  expect(firstDifference(straightened.profile, former.profile)).toBe(-1);
  expect([straightened.samples, straightened.truncated]).toEqual([former.samples, former.truncated]);
  expect([straightened.image.width, straightened.image.height]).toEqual([
    former.image.width,
    former.image.height,
  ]);
  expect(firstDifference(straightened.image.pixels, former.image.pixels)).toBe(-1);
}

/** Checks the page-wide rewritten steps (hysteresis threshold, distance transform) of one image. */
function expectSamePageSteps(image: { width: number; height: number; pixels: Uint8Array }): void {
  const background = estimateBackground(image);
  const darkness = darknessImage(image, background);
  const thresholds = chooseThresholds(background, darkness);
  const mask = hysteresisThreshold(darkness, image.width, image.height, thresholds);
  const former = formerHysteresisThreshold(darkness, image.width, image.height, thresholds);
  expect(firstDifference(mask.data, former.data)).toBe(-1);
  expect(firstDifference(distanceToBackground(mask), formerDistanceToBackground(mask))).toBe(-1);
  // Each component's mask alone, and with the next one (a broken chromosome's parts), in their joint box.
  const labelling = labelComponents(mask);
  labelling.components.forEach((c, i) => {
    const next = labelling.components[i + 1];
    const box = next === undefined ? c.box : unionBox(c.box, next.box);
    for (const keep of [new Set([c.label]), new Set([c.label, next?.label ?? c.label])]) {
      expect(
        firstDifference(
          componentMask(labelling, keep, box).data,
          formerComponentMask(labelling, keep, box).data,
        ),
      ).toBe(-1);
    }
  });
}

describe("the faster imaging code gives the former code's outputs, to the bit (issue #25)", () => {
  it('on crafted masks: distance, hole filling, thinning, skeleton paths, hysteresis', () => {
    const random = createRandom(25);
    const sizes = [
      [1, 1],
      [1, 9],
      [9, 1],
      [2, 2],
      [7, 30],
      [40, 120],
      [120, 40],
    ] as const;
    for (let round = 0; round < 12; round++) {
      for (const [width, height] of sizes) {
        const mask = blobMask(random, width, height);
        expect(firstDifference(distanceToBackground(mask), formerDistanceToBackground(mask))).toBe(-1);
        const filled = fillHoles(mask);
        expect(firstDifference(filled.data, formerFillHoles(mask).data)).toBe(-1);
        // Masks are 0/1; one of 0/255 takes thinning's general path, which must agree too.
        const loud = { ...mask, data: mask.data.map((v) => 255 * v) };
        for (const input of [mask, filled, loud]) {
          const skeleton = thinMask(input);
          expect(firstDifference(skeleton.data, formerThinMask(input).data)).toBe(-1);
          expect(skeletonPathCandidates(skeleton)).toEqual(formerSkeletonPathCandidates(skeleton));
        }
        const darkness = new Float32Array(width * height).map(() => random.next());
        const thresholds = { weak: random.uniform(0.1, 0.5), strong: random.uniform(0.5, 0.95) };
        expect(
          firstDifference(
            hysteresisThreshold(darkness, width, height, thresholds).data,
            formerHysteresisThreshold(darkness, width, height, thresholds).data,
          ),
        ).toBe(-1);
      }
    }
  });

  it("on a rendered karyogram's page and every chromosome's straightening", () => {
    const { image } = renderedKaryogram('46,XY', { seed: 3, scannerNoise: 4 });
    expectSamePageSteps(image);
    const layout = parseKaryogram(image);
    expect(layout.chromosomes).toHaveLength(46);
    for (const c of layout.chromosomes) {
      const raster = rasterFromImage(image, c.box, c.mask, layout.background);
      expectSameProfileSteps(raster, layout.chromosomeWidth, 1 / 3.1);
    }
  });

  // Real data is not ours to ship: CI has ../shared/data, a stranger's clone does not, so it skips there.
  it.skipIf(!existsSync(REAL_KARYOGRAMS))(
    'on the 14 real karyograms of ../shared/data, page and chromosomes',
    () => {
      const files = filesUnder(REAL_KARYOGRAMS);
      expect(files).toHaveLength(14);
      for (const file of files) {
        const image = normalisePolarity(firstPage(file)).image;
        expectSamePageSteps(image);
        const layout = parseKaryogram(image);
        const rasters = layout.chromosomes.map((c) =>
          rasterFromImage(image, c.box, c.mask, layout.background),
        );
        const axisLengths = rasters.map((r) => polylineLength(medialAxis(r.mask, layout.chromosomeWidth)));
        const step = 1 / commonSamplesPerPixel(axisLengths);
        for (const raster of rasters) expectSameProfileSteps(raster, layout.chromosomeWidth, step);
      }
    },
    120_000,
  );

  // Skips without ../shared/data, as the karyogram test above does.
  it.skipIf(!existsSync(REAL_PKI3))(
    'on pki3 crops of ../shared/data (their own background, threshold and mask)',
    () => {
      const cases = readdirSync(REAL_PKI3).sort().slice(0, 3);
      for (const name of cases) {
        const crops = filesUnder(join(REAL_PKI3, name)).slice(0, 46);
        for (const file of crops) {
          const raster = rasterFromCrop(firstPage(file));
          expectSamePageSteps(raster.gray);
          let radius = 0;
          for (const d of raster.distance) radius = Math.max(radius, d);
          expectSameProfileSteps(raster, Math.max(2, 2 * radius), 1 / 3.6);
        }
      }
    },
    60_000,
  );
});
