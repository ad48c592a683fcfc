import type { GrayImage } from '../../shared/gray-image';

/**
 * BT.601 luma of an 8-bit RGB triple, 0–255. Fixed-point weights sum to 65536, so a gray pixel
 * (r = g = b) maps to itself exactly.
 */
export function luma8(red: number, green: number, blue: number): number {
  return (red * 19595 + green * 38470 + blue * 7471 + 32768) >>> 16;
}

/** An 8-bit value with straight 8-bit alpha, composited onto a white page (karyograms are printed on white). */
export function onWhite8(value: number, alpha: number): number {
  return ((value * alpha + 255 * (255 - alpha) + 127) / 255) | 0;
}

/** Pixel samples as a decoder returns them: rows back to back, no row padding. */
export interface InterleavedSamples {
  readonly data: Uint8Array | Uint16Array;
  /** Pixels. */
  readonly width: number;
  /** Pixels. */
  readonly height: number;
  /** Samples from one pixel to the next (≥ colour samples + 1 when there is alpha; extra samples are skipped). */
  readonly samplesPerPixel: number;
  readonly colour: 'gray' | 'rgb';
  /** Alpha is the sample right after the colour samples. Premultiplied = TIFF "associated alpha". */
  readonly alpha: 'none' | 'straight' | 'premultiplied';
  /** Full-scale sample value: 255 for 8-bit, 65535 for 16-bit, 2^bits − 1 for unpacked sub-byte samples. */
  readonly maxValue: number;
}

/**
 * Full scale of 16-bit samples as the camera used it. Microscope cameras often store 10-, 12- or 14-bit
 * values in 16-bit files: scaled by 65535, a 12-bit image would keep 16 of 256 gray levels and a white
 * background would come out at 6 % of white. The significant bits are the fewest that hold every colour
 * sample, at least 8 (an image that is merely dark keeps its darkness). Alpha samples are not looked at.
 * @returns 2^bits − 1 for those bits; 65535 when the samples use all 16.
 */
export function significantMaxValue16(
  data: Uint16Array,
  samplesPerPixel: number,
  colourSamples: number,
): number {
  let largest = 0;
  for (let base = 0; base < data.length; base += samplesPerPixel) {
    for (let c = 0; c < colourSamples; c++) largest = Math.max(largest, data[base + c] ?? 0);
  }
  const bits = Math.max(8, Math.ceil(Math.log2(largest + 1)));
  return 2 ** bits - 1;
}

/**
 * The full scale to convert 16-bit samples with (see significantMaxValue16), and the note a decoder adds
 * to the page's repairs when it is not 65535.
 */
export function sixteenBitScale(
  data: Uint16Array,
  samplesPerPixel: number,
  colourSamples: number,
): { maxValue: number; note: string | null } {
  const maxValue = significantMaxValue16(data, samplesPerPixel, colourSamples);
  if (maxValue === 65535) return { maxValue, note: null };
  const bits = Math.log2(maxValue + 1);
  return {
    maxValue,
    note: `16-bit samples use only ${bits} bits (largest value ${maxValue} or less): scaled to that full scale`,
  };
}

/** A lookup from sample value to 8-bit, so 16-bit scaling costs one table read per sample. */
function scaleTable(maxValue: number): Uint8Array {
  const table = new Uint8Array(maxValue + 1);
  for (let value = 0; value <= maxValue; value++) table[value] = Math.round((value * 255) / maxValue);
  return table;
}

/**
 * Converts interleaved gray/RGB samples, with or without alpha, at any bit depth up to 16 to an 8-bit
 * gray image: colour by {@link luma8}, alpha composited onto white.
 */
export function interleavedToGray(samples: InterleavedSamples): GrayImage {
  const { data, width, height, samplesPerPixel: stride, colour, alpha, maxValue } = samples;
  const count = width * height;
  const pixels = new Uint8Array(count);
  if (colour === 'gray' && alpha === 'none' && stride === 1 && maxValue === 255) {
    pixels.set(data.subarray(0, count));
    return { width, height, pixels };
  }
  const scale = scaleTable(maxValue);
  const colourSamples = colour === 'gray' ? 1 : 3;
  const sample = (index: number): number => scale[data[index] ?? 0] ?? 0;
  for (let pixel = 0, base = 0; pixel < count; pixel++, base += stride) {
    const value =
      colourSamples === 1 ? sample(base) : luma8(sample(base), sample(base + 1), sample(base + 2));
    if (alpha === 'none') {
      pixels[pixel] = value;
      continue;
    }
    const opacity = sample(base + colourSamples);
    // Premultiplied colour already holds value × alpha; only the white behind it is added.
    pixels[pixel] = alpha === 'straight' ? onWhite8(value, opacity) : Math.min(255, value + 255 - opacity);
  }
  return { width, height, pixels };
}

/**
 * Unpacks 1-, 2- or 4-bit samples (most significant bits first, each row starting on a byte) into one
 * byte per sample. 8-bit rows are copied without their padding.
 * @param rowBytes bytes from one packed row to the next (may include padding, as in BMP).
 * @param samplesPerRow samples in one row (width × samples per pixel).
 */
export function unpackSamples(
  packed: Uint8Array,
  samplesPerRow: number,
  rows: number,
  bitsPerSample: number,
  rowBytes: number,
): Uint8Array {
  const out = new Uint8Array(samplesPerRow * rows);
  const mask = (1 << bitsPerSample) - 1;
  for (let row = 0; row < rows; row++) {
    const rowStart = row * rowBytes;
    const outStart = row * samplesPerRow;
    if (bitsPerSample === 8) {
      out.set(packed.subarray(rowStart, rowStart + samplesPerRow), outStart);
      continue;
    }
    for (let index = 0; index < samplesPerRow; index++) {
      const bit = index * bitsPerSample;
      const byte = packed[rowStart + (bit >>> 3)] ?? 0;
      out[outStart + index] = (byte >>> (8 - bitsPerSample - (bit & 7))) & mask;
    }
  }
  return out;
}

/**
 * Maps palette indices to gray. `paletteRgba` holds 4 bytes per entry (alpha 255 when the file has none);
 * each entry is converted once. Indices past the palette's end read as black, as most decoders do.
 */
export function paletteToGray(
  indices: Uint8Array,
  width: number,
  height: number,
  paletteRgba: Uint8Array,
): GrayImage {
  const lookup = new Uint8Array(256);
  for (let entry = 0; entry < 256 && entry * 4 + 3 < paletteRgba.length; entry++) {
    const at = entry * 4;
    const value = luma8(paletteRgba[at] ?? 0, paletteRgba[at + 1] ?? 0, paletteRgba[at + 2] ?? 0);
    lookup[entry] = onWhite8(value, paletteRgba[at + 3] ?? 255);
  }
  const count = width * height;
  const pixels = new Uint8Array(count);
  for (let pixel = 0; pixel < count; pixel++) pixels[pixel] = lookup[indices[pixel] ?? 0] ?? 0;
  return { width, height, pixels };
}
