import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { drawText } from '../../karyotype/bitmap-font';
import { drawTitle, titleText, titleWidth } from './title-font';

const ink = (image: { pixels: Uint8Array }): number => image.pixels.filter((v) => v === 0).length;

describe('title font', () => {
  it('draws capitals, signs and a ? for what it has no glyph for', () => {
    expect(titleText('Cell a-1 (x) é')).toBe('CELL A-1 (X) ?');
    expect(titleWidth('AB', 2)).toBe(22);
  });

  it('draws letters distinctly and the digits as the karyogram font does', () => {
    const letters = ['A', 'B', 'E', 'M', 'W'].map((c) => {
      const image = createGrayImage(5, 7);
      drawTitle(image, c, 0, 0, 1);
      return Array.from(image.pixels).join(',');
    });
    expect(new Set(letters).size).toBe(5);
    const title = createGrayImage(30, 7);
    drawTitle(title, '7X', 0, 0, 1);
    const karyogram = createGrayImage(30, 7);
    drawText(karyogram, '7X', 0, 0, 1);
    expect(Array.from(title.pixels)).toEqual(Array.from(karyogram.pixels));
  });

  it('leaves a space blank and clips at the image edge', () => {
    const image = createGrayImage(8, 7);
    drawTitle(image, ' I', 0, 0, 1);
    // The space covers columns 0-5; "I" starts at column 6 and is cut at 8.
    for (let y = 0; y < 7; y++) for (let x = 0; x < 6; x++) expect(image.pixels[y * 8 + x]).toBe(255);
    expect(ink(image)).toBeGreaterThan(0);
  });
});
