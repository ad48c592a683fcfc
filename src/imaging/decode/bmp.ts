import type { GrayImage } from '../../shared/gray-image';
import { BI_RLE4, BI_RLE8, readBmpHeader, type BmpHeader, type BmpMasks } from './bmp-header';
import type { DecodedPage } from './decoded-page';
import type { DecodeLimits } from './decode-limits';
import { ImageInputError } from './image-input-error';
import { luma8, onWhite8, paletteToGray } from './to-gray';

/** Reads one channel out of a packed 16/32-bit pixel and scales it to 0–255. */
function channelReader(mask: number): (pixel: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  const max = mask >>> shift;
  return (pixel) => Math.round((((pixel & mask) >>> shift) * 255) / max);
}

/** Byte offset of the first byte of image row `y` (0 = top) in an uncompressed BMP. */
function rowStart(header: BmpHeader, stride: number, y: number): number {
  return header.dataOffset + stride * (header.topDown ? y : header.height - 1 - y);
}

/** 16- and 32-bit pixels through their channel masks; alpha only if some pixel actually uses it. */
function decodeMasked(
  bytes: Uint8Array,
  header: BmpHeader,
  stride: number,
  masks: BmpMasks,
): { image: GrayImage; hadAlpha: boolean } {
  const { width, height, bitsPerPixel } = header;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bytesPerPixel = bitsPerPixel / 8;
  const read = (at: number): number =>
    bytesPerPixel === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
  const [red, green, blue, alpha] = [masks.red, masks.green, masks.blue, masks.alpha].map(channelReader) as [
    (pixel: number) => number,
    (pixel: number) => number,
    (pixel: number) => number,
    (pixel: number) => number,
  ];
  // Many writers declare an alpha mask and then leave it all zero: that means opaque, not invisible.
  let usesAlpha = false;
  for (let y = 0; y < height && masks.alpha !== 0 && !usesAlpha; y++) {
    const start = rowStart(header, stride, y);
    for (let x = 0; x < width; x++)
      if ((read(start + x * bytesPerPixel) & masks.alpha) !== 0) usesAlpha = true;
  }
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = rowStart(header, stride, y);
    for (let x = 0; x < width; x++) {
      const pixel = read(start + x * bytesPerPixel);
      const value = luma8(red(pixel), green(pixel), blue(pixel));
      pixels[y * width + x] = usesAlpha ? onWhite8(value, alpha(pixel)) : value;
    }
  }
  return { image: { width, height, pixels }, hadAlpha: usesAlpha };
}

/** Whether 32-bit pixels hold blue, green, red (and alpha or nothing) in their four bytes, in that order. */
function isBgrx32(bitsPerPixel: number, masks: BmpMasks): boolean {
  return (
    bitsPerPixel === 32 &&
    masks.red === 0x00ff0000 &&
    masks.green === 0x0000ff00 &&
    masks.blue === 0x000000ff &&
    (masks.alpha === 0 || masks.alpha === 0xff000000)
  );
}

/**
 * 32-bit BGR with alpha or padding, the usual 32-bit BMP, without the generic mask arithmetic (a closure
 * and a DataView read per channel took 20 ms of a 1017 × 896 karyogram): each 8-bit channel is its byte,
 * as the masks would give it.
 */
function decodeBgrx(
  bytes: Uint8Array,
  header: BmpHeader,
  stride: number,
  alphaMask: number,
): { image: GrayImage; hadAlpha: boolean } {
  const { width, height } = header;
  // Many writers declare an alpha mask and then leave it all zero: that means opaque, not invisible.
  let usesAlpha = false;
  for (let y = 0; y < height && alphaMask !== 0 && !usesAlpha; y++) {
    const start = rowStart(header, stride, y);
    for (let x = 0; x < width; x++) if ((bytes[start + 4 * x + 3] ?? 0) !== 0) usesAlpha = true;
  }
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = rowStart(header, stride, y);
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const at = start + 4 * x;
      const value = luma8(bytes[at + 2] ?? 0, bytes[at + 1] ?? 0, bytes[at] ?? 0);
      pixels[row + x] = usesAlpha ? onWhite8(value, bytes[at + 3] ?? 0) : value;
    }
  }
  return { image: { width, height, pixels }, hadAlpha: usesAlpha };
}

/** 24-bit BGR, the common case, without the generic mask arithmetic. */
function decodeBgr(bytes: Uint8Array, header: BmpHeader, stride: number): GrayImage {
  const { width, height } = header;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const start = rowStart(header, stride, y);
    for (let x = 0; x < width; x++) {
      const at = start + x * 3;
      pixels[y * width + x] = luma8(bytes[at + 2] ?? 0, bytes[at + 1] ?? 0, bytes[at] ?? 0);
    }
  }
  return { width, height, pixels };
}

/** 1-, 4- and 8-bit palette indices, most significant bits first within a byte. */
function decodeIndexed(bytes: Uint8Array, header: BmpHeader, stride: number): GrayImage {
  const { width, height, bitsPerPixel } = header;
  const indices = new Uint8Array(width * height);
  const mask = (1 << bitsPerPixel) - 1;
  for (let y = 0; y < height; y++) {
    const start = rowStart(header, stride, y);
    for (let x = 0; x < width; x++) {
      const bit = x * bitsPerPixel;
      indices[y * width + x] = ((bytes[start + (bit >>> 3)] ?? 0) >>> (8 - bitsPerPixel - (bit & 7))) & mask;
    }
  }
  return paletteToGray(indices, width, height, header.paletteRgba);
}

/**
 * Run-length encoded 8- or 4-bit palette data (always bottom-up). Pixels the runs skip (delta codes)
 * are undefined in the format; they read as white, the page colour.
 */
function decodeRunLength(file: string, bytes: Uint8Array, header: BmpHeader): GrayImage {
  const { width, height } = header;
  const gray = paletteToGray(
    Uint8Array.from({ length: 256 }, (_, index) => index),
    256,
    1,
    header.paletteRgba,
  ).pixels;
  const pixels = new Uint8Array(width * height).fill(255);
  const isRle4 = header.compression === BI_RLE4;
  let x = 0;
  let y = 0; // counted from the bottom row, as stored
  const put = (index: number): void => {
    if (x < width && y < height) pixels[(height - 1 - y) * width + x] = gray[index] ?? 0;
    x++;
  };
  let at = header.dataOffset;
  for (;;) {
    if (at + 2 > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        'truncated BMP: run-length data ends without an end-of-bitmap code',
      );
    }
    const count = bytes[at] ?? 0;
    const code = bytes[at + 1] ?? 0;
    at += 2;
    if (count > 0) {
      for (let k = 0; k < count; k++) put(isRle4 ? (k % 2 === 0 ? code >>> 4 : code & 15) : code);
    } else if (code === 0) {
      x = 0;
      y++;
    } else if (code === 1) {
      break;
    } else if (code === 2) {
      x += bytes[at] ?? 0;
      y += bytes[at + 1] ?? 0;
      at += 2;
    } else {
      // Absolute run of `code` literal indices, padded to an even number of bytes.
      const literalBytes = isRle4 ? Math.ceil(code / 2) : code;
      if (at + literalBytes > bytes.length) {
        throw new ImageInputError(
          file,
          'truncated',
          'truncated BMP: run-length data ends inside a literal run',
        );
      }
      for (let k = 0; k < code; k++) {
        const byte = bytes[at + (isRle4 ? k >>> 1 : k)] ?? 0;
        put(isRle4 ? (k % 2 === 0 ? byte >>> 4 : byte & 15) : byte);
      }
      at += literalBytes + (literalBytes % 2);
    }
    if (y >= height) break;
  }
  return { width, height, pixels };
}

/**
 * Decodes a Windows or OS/2 BMP: 1/4/8-bit palette (uncompressed or RLE), 16-bit, 24-bit and 32-bit,
 * bottom-up or top-down, with bit-field masks; 32-bit alpha is used only when some pixel is not zero in it.
 */
export function decodeBmp(file: string, bytes: Uint8Array, limits: DecodeLimits): DecodedPage {
  const header = readBmpHeader(file, bytes, limits);
  const { width, height, bitsPerPixel, compression } = header;
  const base = { pageIndex: 0, format: 'bmp' as const, repairs: [] };
  if (compression === BI_RLE8 || compression === BI_RLE4) {
    const image = decodeRunLength(file, bytes, header);
    return { ...base, image, sourceColour: 'palette', sourceBitsPerSample: bitsPerPixel, hadAlpha: false };
  }
  const stride = Math.ceil((width * bitsPerPixel) / 32) * 4;
  // The padding of the last stored row is often missing; the pixels themselves must be there.
  const needed = header.dataOffset + stride * (height - 1) + Math.ceil((width * bitsPerPixel) / 8);
  if (needed > bytes.length) {
    throw new ImageInputError(
      file,
      'truncated',
      `truncated BMP: ${width}×${height} at ${bitsPerPixel} bits needs ${needed} bytes, file has ${bytes.length}`,
    );
  }
  if (bitsPerPixel <= 8) {
    const image = decodeIndexed(bytes, header, stride);
    return { ...base, image, sourceColour: 'palette', sourceBitsPerSample: bitsPerPixel, hadAlpha: false };
  }
  if (bitsPerPixel === 24) {
    return {
      ...base,
      image: decodeBgr(bytes, header, stride),
      sourceColour: 'rgb',
      sourceBitsPerSample: 8,
      hadAlpha: false,
    };
  }
  const { image, hadAlpha } = isBgrx32(bitsPerPixel, header.masks)
    ? decodeBgrx(bytes, header, stride, header.masks.alpha)
    : decodeMasked(bytes, header, stride, header.masks);
  return { ...base, image, sourceColour: 'rgb', sourceBitsPerSample: bitsPerPixel === 16 ? 5 : 8, hadAlpha };
}
