import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { cellPicture, CELL_PICTURE_PIXELS } from './cell-picture';

/** A PNG of `width` × `height` on `background` with a `mark` square at (40..60, 40..60). */
function png(width: number, height: number, background: number, mark: number): Uint8Array {
  const image = createGrayImage(width, height, background);
  for (let y = 40; y < 60; y++) for (let x = 40; x < 60; x++) image.pixels[y * width + x] = mark;
  return encode({ width, height, data: image.pixels, channels: 1, depth: 8 });
}

describe('cellPicture', () => {
  it('makes the cell’s image again, reduced for the screen, with the scale its boxes need', () => {
    const picture = cellPicture([{ path: 'P1/spread.png', bytes: png(1200, 1000, 240, 20) }], {
      id: 'spread',
      source: 'P1/spread.png',
    });
    // 1.2 Mpx is above the screen's budget: halved.
    expect(picture?.scale).toBe(0.5);
    expect(picture?.image.width).toBe(600);
    expect((picture?.image.width ?? 0) * (picture?.image.height ?? 0)).toBeLessThanOrEqual(
      CELL_PICTURE_PIXELS,
    );
    // The square at (40..60) of the image is at (20..30) of the picture, dark on light.
    expect(picture?.image.pixels[25 * 600 + 25]).toBe(20);
    expect(picture?.image.pixels[5 * 600 + 5]).toBe(240);
  });

  it('turns light chromosomes on a dark ground dark on light, as the analysis did', () => {
    const picture = cellPicture([{ path: 'k.png', bytes: png(300, 200, 15, 230) }], {
      id: 'k',
      source: 'k.png',
    });
    expect(picture?.scale).toBe(1);
    expect(picture?.image.pixels[50 * 300 + 50]).toBeLessThan(128);
    expect(picture?.image.pixels[5 * 300 + 5]).toBeGreaterThan(128);
  });

  it('is null for a cell whose file is not in the case (crops), or a page the file does not have', () => {
    const files = [{ path: 'k.png', bytes: png(300, 200, 240, 20) }];
    expect(cellPicture(files, { id: 'cell01', source: 'case/cell01' })).toBeNull();
    expect(cellPicture(files, { id: 'k#3', source: 'k.png' })).toBeNull();
  });
});
