import { drawText, fillRect, GLYPH_WIDTH, textWidth } from '../../karyotype/bitmap-font';
import type { GrayImage } from '../../shared/gray-image';

/**
 * 5 × 7 glyphs of the letters and signs a title line needs, beside the karyogram font's digits, X and Y
 * (karyotype/bitmap-font draws those, so both fonts look alike). Titles are drawn in capitals.
 */
const LETTERS: Readonly<Record<string, readonly string[]>> = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  B: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
  C: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
  D: ['11100', '10010', '10001', '10001', '10001', '10010', '11100'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  F: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
  G: ['01110', '10001', '10000', '10111', '10001', '10001', '01111'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  I: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
  J: ['00111', '00010', '00010', '00010', '00010', '10010', '01100'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  N: ['10001', '10001', '11001', '10101', '10011', '10001', '10001'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  U: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
  V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
  Z: ['11111', '00001', '00010', '00100', '01000', '10000', '11111'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  _: ['00000', '00000', '00000', '00000', '00000', '00000', '11111'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  ',': ['00000', '00000', '00000', '00000', '01100', '00100', '01000'],
  ':': ['00000', '01100', '01100', '00000', '01100', '01100', '00000'],
  '(': ['00010', '00100', '01000', '01000', '01000', '00100', '00010'],
  ')': ['01000', '00100', '00010', '00010', '00010', '00100', '01000'],
  '/': ['00000', '00001', '00010', '00100', '01000', '10000', '00000'],
  '+': ['00000', '00100', '00100', '11111', '00100', '00100', '00000'],
  '?': ['01110', '10001', '00001', '00010', '00100', '00000', '00100'],
};

/** Characters the karyogram font already draws. */
const KARYOGRAM_CHARACTERS = /^[0-9XY]$/;

/** `text` as the title font can draw it: capitals, and `?` for a character it has no glyph for. */
export function titleText(text: string): string {
  return Array.from(text.toUpperCase(), (char) =>
    KARYOGRAM_CHARACTERS.test(char) || char in LETTERS ? char : '?',
  ).join('');
}

/** Width in pixels of `text` drawn by {@link drawTitle} at integer `scale`. */
export function titleWidth(text: string, scale: number): number {
  return textWidth(titleText(text), scale);
}

/**
 * Draws a title line (any text; see {@link titleText}) into `image` with its top-left corner at (x, y),
 * each font pixel a `scale` × `scale` block of gray `ink`; pixels outside the image are skipped.
 */
export function drawTitle(
  image: GrayImage,
  text: string,
  x: number,
  y: number,
  scale: number,
  ink = 0,
): void {
  Array.from(titleText(text)).forEach((char, index) => {
    const left = x + index * (GLYPH_WIDTH + 1) * scale;
    const glyph = LETTERS[char];
    if (!glyph) {
      drawText(image, char, left, y, scale, ink);
      return;
    }
    glyph.forEach((row, gy) => {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (row[gx] === '1') fillRect(image, left + gx * scale, y + gy * scale, scale, scale, ink);
      }
    });
  });
}
