import type { GrayImage } from '../shared/gray-image';

/** 5 × 7 glyphs of the characters a karyogram prints under its baselines: digits, X and Y. */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  X: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
  Y: ['10001', '10001', '01010', '00100', '00100', '00100', '00100'],
};

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

/** Width in pixels of `text` drawn at integer `scale` (one blank column between glyphs). */
export function textWidth(text: string, scale: number): number {
  return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
}

/**
 * Draws `text` (digits, X, Y) into `image` with its top-left corner at (x, y), pixels, in gray `ink`,
 * each font pixel a `scale` × `scale` block. Pixels outside the image are skipped.
 * @throws Error for a character the font lacks.
 */
export function drawText(image: GrayImage, text: string, x: number, y: number, scale: number, ink = 0): void {
  Array.from(text, (char) => char).forEach((char, index) => {
    const glyph = GLYPHS[char];
    if (!glyph) throw new Error(`the karyogram font has no glyph for "${char}"`);
    const left = x + index * (GLYPH_WIDTH + 1) * scale;
    glyph.forEach((row, gy) => {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (row[gx] !== '1') continue;
        fillRect(image, left + gx * scale, y + gy * scale, scale, scale, ink);
      }
    });
  });
}

/** Fills a rectangle (pixels) with gray `ink`, clipped to the image. */
export function fillRect(
  image: GrayImage,
  x: number,
  y: number,
  width: number,
  height: number,
  ink: number,
): void {
  for (let yy = Math.max(0, y); yy < Math.min(image.height, y + height); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(image.width, x + width); xx++) {
      image.pixels[yy * image.width + xx] = ink;
    }
  }
}
