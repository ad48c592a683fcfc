import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { profileCropCell } from './profile-crop-cell';
import { drawChromosome, type BandPattern } from '../layout/draw-chromosome';
import { renderedKaryogram } from '../testing/rendered-cells';
import { analyseKaryogram } from './analyse-karyogram';
import { TEMPLATE_BINS } from './banding-orientation';
import { BANDING_TEMPLATES } from './banding-templates-data';
import { RASTER_MARGIN } from './chromosome-raster';
import { polylineLength, type Point } from './medial-axis';

/** Chromosome 1's typical banding (its orientation template), p-ter at t = 0. */
const chromosome1: BandPattern = (t) =>
  BANDING_TEMPLATES['1']?.[Math.min(TEMPLATE_BINS - 1, Math.floor(t * TEMPLATE_BINS))] ?? 0;

/** Chromosome 1 drawn along `path` (p-ter first) on a white crop. */
function drawn(path: readonly Point[], width: number, height: number): GrayImage {
  const image = createGrayImage(width, height, 255);
  drawChromosome(image, path, 14, chromosome1);
  return image;
}

const insideImage = (image: GrayImage) => (p: Point) =>
  p.x >= 0 && p.y >= 0 && p.x <= image.width - 1 && p.y <= image.height - 1;

describe('axis pictures', () => {
  it('put a karyogram chromosome’s axis on its cut-out where it lies in the karyogram', async () => {
    const { image } = renderedKaryogram('46,XY', { curled: ['2'] });
    const result = await analyseKaryogram(image);
    expect(result.chromosomes).toHaveLength(46);
    for (const c of result.chromosomes) {
      const { image: cutout, axis } = c.axisPicture;
      expect(cutout.width).toBe(c.box.x1 - c.box.x0 + 2 * RASTER_MARGIN);
      expect(cutout.height).toBe(c.box.y1 - c.box.y0 + 2 * RASTER_MARGIN);
      expect(axis.every(insideImage(cutout))).toBe(true);
      // The same axis the karyogram view draws, moved by the cut-out's corner.
      expect(axis).toHaveLength(c.axis.length);
      axis.forEach((p, i) => {
        const q = c.axis[i];
        expect(p.x + c.box.x0 - RASTER_MARGIN).toBeCloseTo(q?.x ?? Number.NaN, 6);
        expect(p.y + c.box.y0 - RASTER_MARGIN).toBeCloseTo(q?.y ?? Number.NaN, 6);
      });
      // And its pixels are the karyogram's.
      const x = Math.round(axis[Math.floor(axis.length / 2)]?.x ?? 0);
      const y = Math.round(axis[Math.floor(axis.length / 2)]?.y ?? 0);
      expect(cutout.pixels[y * cutout.width + x]).toBe(
        image.pixels[(y + c.box.y0 - RASTER_MARGIN) * image.width + x + c.box.x0 - RASTER_MARGIN],
      );
      expect(polylineLength(axis)).toBeCloseTo(c.axisLength, 6);
    }
  });

  it('start at p-ter on a crop, also when the crop was read the other way up', () => {
    const top = { x: 20, y: 10 };
    const bottom = { x: 20, y: 150 };
    const cell = (path: readonly Point[]) =>
      profileCropCell(
        Array.from({ length: 8 }, (_, homolog) => ({
          type: '1' as const,
          homolog,
          image: drawn(path, 40, 160),
          source: `1_${String(homolog)}.png`,
        })),
      ).chromosomes;
    const asDelivered = cell([top, bottom]);
    // A cell delivered upside down as a whole is read the other way up: p-ter is at the bottom of each crop.
    const turnedRound = cell([bottom, top]);
    for (const c of [...asDelivered, ...turnedRound]) {
      const { image, axis } = c.axisPicture;
      expect([image.width, image.height]).toEqual([40 + 2 * RASTER_MARGIN, 160 + 2 * RASTER_MARGIN]);
      expect(axis.every(insideImage(image))).toBe(true);
    }
    for (const c of asDelivered) {
      expect(c.orientedByBanding).toBe(false);
      expect(c.axisPicture.axis[0]?.y ?? 0).toBeLessThan(c.axisPicture.axis.at(-1)?.y ?? 0);
    }
    for (const c of turnedRound) {
      expect(c.orientedByBanding).toBe(true);
      expect(c.axisPicture.axis[0]?.y ?? 0).toBeGreaterThan(c.axisPicture.axis.at(-1)?.y ?? 0);
    }
  });
});
