import { decodeBmp } from './bmp';
import type { DecodedPage, DecodeOptions } from './decoded-page';
import { resolveDecodeLimits } from './decode-limits';
import { detectImageFormat, isBigTiff } from './image-format';
import { ImageInputError } from './image-input-error';
import { decodeJpeg } from './jpeg';
import { decodePng } from './png';
import { openTiff } from './tiff/decode-tiff';

/** An image file whose pages are decoded one at a time, when asked for. */
export interface OpenedImage {
  /** Pages in the file: 1 except for multi-page TIFF. */
  readonly pageCount: number;
  /** Decodes page `index` (0-based); throws {@link ImageInputError} naming the file. */
  decodePage(index: number): DecodedPage;
}

/**
 * Opens PNG, JPEG, BMP or TIFF bytes for decoding into 8-bit gray pages, one per page of the file (a
 * multi-page TIFF holds one cell per page; every other format gives one page). The format is read from
 * the magic bytes, never from `fileName`, which serves only to name the file in errors. A TIFF's pages
 * are all checked here, and their pixels summed against the file's limit, before any is decoded; callers
 * that analyse page by page then hold one decoded page at a time.
 *
 * Colour becomes BT.601 luma, 16-bit samples are scaled to 8-bit, alpha is composited onto white.
 * Polarity is left as stored; see `normalisePolarity`.
 *
 * @throws {ImageInputError} naming `fileName` and the reason: empty, unknown format, truncated,
 *   dimensions past the limits (checked before allocating), unsupported feature or corrupt data.
 */
export function openImage(fileName: string, bytes: Uint8Array, options: DecodeOptions = {}): OpenedImage {
  if (bytes.length === 0) throw new ImageInputError(fileName, 'empty', 'file is empty (0 bytes)');
  const limits = resolveDecodeLimits(options.limits);
  const format = detectImageFormat(bytes);
  const single = (decode: () => DecodedPage): OpenedImage => ({ pageCount: 1, decodePage: () => decode() });
  switch (format) {
    case 'png':
      return single(() => decodePng(fileName, bytes, limits));
    case 'jpeg':
      return single(() => decodeJpeg(fileName, bytes, limits));
    case 'bmp':
      return single(() => decodeBmp(fileName, bytes, limits));
    case 'tiff':
      return openTiff(fileName, bytes, limits);
    case null:
      if (isBigTiff(bytes)) throw new ImageInputError(fileName, 'unsupported', 'BigTIFF is not supported');
      throw new ImageInputError(
        fileName,
        'unknown-format',
        `not a PNG, JPEG, BMP or TIFF image (starts with ${describeMagic(bytes)})`,
      );
  }
}

/** Every page of an image file decoded at once; see {@link openImage} (which analysis uses, page by page). */
export function decodeImage(fileName: string, bytes: Uint8Array, options: DecodeOptions = {}): DecodedPage[] {
  const opened = openImage(fileName, bytes, options);
  return Array.from({ length: opened.pageCount }, (_, index) => opened.decodePage(index));
}

/** The first bytes in hex, so that a refused file can be identified from the message alone. */
function describeMagic(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}
