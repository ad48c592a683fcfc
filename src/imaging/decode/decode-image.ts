import { decodeBmp } from './bmp';
import type { DecodedPage, DecodeOptions } from './decoded-page';
import { resolveDecodeLimits } from './decode-limits';
import { detectImageFormat, isBigTiff } from './image-format';
import { ImageInputError } from './image-input-error';
import { decodeJpeg } from './jpeg';
import { decodePng } from './png';
import { decodeTiff } from './tiff/decode-tiff';

/**
 * Decodes PNG, JPEG, BMP or TIFF bytes into 8-bit gray pages, one per page of the file (a multi-page
 * TIFF holds one cell per page; every other format gives one page). The format is read from the magic
 * bytes, never from `fileName`, which serves only to name the file in errors.
 *
 * Colour becomes BT.601 luma, 16-bit samples are scaled to 8-bit, alpha is composited onto white.
 * Polarity is left as stored; see `normalisePolarity`.
 *
 * @throws {ImageInputError} naming `fileName` and the reason: empty, unknown format, truncated,
 *   dimensions past the limits (checked before allocating), unsupported feature or corrupt data.
 */
export function decodeImage(fileName: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodedPage[] {
  if (bytes.length === 0) throw new ImageInputError(fileName, 'empty', 'file is empty (0 bytes)');
  const limits = resolveDecodeLimits(options.limits);
  const format = detectImageFormat(bytes);
  switch (format) {
    case 'png':
      return [decodePng(fileName, bytes, limits)];
    case 'jpeg':
      return [decodeJpeg(fileName, bytes, limits)];
    case 'bmp':
      return [decodeBmp(fileName, bytes, limits)];
    case 'tiff':
      return decodeTiff(fileName, bytes, limits);
    case null:
      if (isBigTiff(bytes)) throw new ImageInputError(fileName, 'unsupported', 'BigTIFF is not supported');
      throw new ImageInputError(
        fileName,
        'unknown-format',
        `not a PNG, JPEG, BMP or TIFF image (starts with ${describeMagic(bytes)})`,
      );
  }
}

/** The first bytes in hex, so that a refused file can be identified from the message alone. */
function describeMagic(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
