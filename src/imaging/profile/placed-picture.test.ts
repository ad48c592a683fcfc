import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { labelComponents } from '../segment/components';
import { createMask } from '../segment/mask';
import { RASTER_MARGIN } from './chromosome-raster';
import { joinedPictures, pictureAroundMask, type PlacedPicture } from './placed-picture';

/** A dark horizontal bar [x0, x1) × [y0, y1) of an image, cut out as rasterFromImage does. */
function bar(x0: number, y0: number, x1: number, y1: number, gray = 40): PlacedPicture {
  const width = x1 - x0 + 2 * RASTER_MARGIN;
  const height = y1 - y0 + 2 * RASTER_MARGIN;
  const image = createGrayImage(width, height, 230);
  const mask = createMask(width, height);
  for (let y = RASTER_MARGIN; y < height - RASTER_MARGIN; y++)
    for (let x = RASTER_MARGIN; x < width - RASTER_MARGIN; x++) {
      image.pixels[y * width + x] = gray;
      mask.data[y * width + x] = 1;
    }
  return { image, mask, origin: { x: x0 - RASTER_MARGIN, y: y0 - RASTER_MARGIN }, box: { x0, y0, x1, y1 } };
}

const area = (data: Uint8Array): number => data.reduce((sum, v) => sum + v, 0);

describe('placed pictures', () => {
  it('cuts a part out again around its own pixels, with the margin, in image pixels', () => {
    const whole = bar(100, 50, 160, 60);
    const left = createMask(whole.mask.width, whole.mask.height);
    // The left 20 columns of the bar.
    for (let y = 0; y < left.height; y++)
      for (let x = 0; x < 20 + RASTER_MARGIN; x++)
        left.data[y * left.width + x] = whole.mask.data[y * left.width + x] ?? 0;
    const part = pictureAroundMask(whole, left, 230);
    expect(part.box).toEqual({ x0: 100, y0: 50, x1: 120, y1: 60 });
    expect(part.origin).toEqual({ x: 100 - RASTER_MARGIN, y: 50 - RASTER_MARGIN });
    expect(part.image.width).toBe(20 + 2 * RASTER_MARGIN);
    expect(area(part.mask.data)).toBe(20 * 10);
    expect(() => pictureAroundMask(whole, createMask(whole.mask.width, whole.mask.height), 230)).toThrow(
      /no pixel/,
    );
  });

  it('joins two pieces with a gap into one connected object, the gap kept pale', () => {
    const a = bar(100, 50, 140, 60);
    const b = bar(146, 50, 186, 60);
    const joined = joinedPictures(a, b, { background: 230, bridgeRadius: 3, maxGap: 20 });
    expect(joined.box).toEqual({ x0: 100, y0: 50, x1: 186, y1: 60 });
    expect(labelComponents(joined.mask).components).toHaveLength(1);
    // Both pieces' pixels are there, and the bridge covers the 6-pixel gap on the middle row.
    expect(area(joined.mask.data)).toBeGreaterThan(2 * 40 * 10);
    const row = 55 - joined.origin.y;
    const gapX = 143 - joined.origin.x;
    expect(joined.mask.data[row * joined.mask.width + gapX]).toBe(1);
    expect(joined.image.pixels[row * joined.image.width + gapX]).toBe(230);
    expect(joined.image.pixels[row * joined.image.width + (120 - joined.origin.x)]).toBe(40);
  });

  it('joins touching pieces without a bridge, and refuses pieces too far apart', () => {
    const a = bar(100, 50, 140, 60);
    const touching = joinedPictures(a, bar(140, 50, 180, 60), {
      background: 230,
      bridgeRadius: 3,
      maxGap: 20,
    });
    expect(area(touching.mask.data)).toBe(80 * 10);
    expect(() =>
      joinedPictures(a, bar(200, 50, 240, 60), { background: 230, bridgeRadius: 3, maxGap: 20 }),
    ).toThrow(/61 pixels apart, too far to be one chromosome/);
  });
});
