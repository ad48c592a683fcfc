import { checkDimensions, type DecodeLimits } from './decode-limits';
import { ImageInputError } from './image-input-error';

/** BMP compression values this decoder handles. */
export const BI_RGB = 0;
export const BI_RLE8 = 1;
export const BI_RLE4 = 2;
export const BI_BITFIELDS = 3;
export const BI_ALPHABITFIELDS = 6;

/** Channel masks of 16- and 32-bit pixels, as stored in the file. */
export interface BmpMasks {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
  /** 0 when the file declares no alpha channel. */
  readonly alpha: number;
}

/** Everything needed to read the pixel array of a BMP. */
export interface BmpHeader {
  /** Pixels. */
  readonly width: number;
  /** Pixels, always positive; see `topDown`. */
  readonly height: number;
  /** Rows stored first-to-last from the top (negative height in the file) instead of the usual bottom-up. */
  readonly topDown: boolean;
  readonly bitsPerPixel: number;
  readonly compression: number;
  /** Byte offset of the pixel array. */
  readonly dataOffset: number;
  /** 4 bytes (r, g, b, a = 255) per entry; empty above 8 bits per pixel. */
  readonly paletteRgba: Uint8Array;
  readonly masks: BmpMasks;
}

const DEFAULT_MASKS_16: BmpMasks = { red: 0x7c00, green: 0x03e0, blue: 0x001f, alpha: 0 };
const DEFAULT_MASKS_32: BmpMasks = { red: 0x00ff0000, green: 0x0000ff00, blue: 0x000000ff, alpha: 0 };

/**
 * Parses the file header, the DIB header (OS/2 core 12 bytes, or Windows 40/52/56/108/124 bytes), the
 * bit-field masks and the palette. Dimensions are checked against the limits here, before any allocation.
 */
export function readBmpHeader(file: string, bytes: Uint8Array, limits: DecodeLimits): BmpHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (end: number, what: string): void => {
    if (end > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        `truncated BMP: file ends at byte ${bytes.length} inside the ${what}`,
      );
    }
  };
  need(18, 'file header');
  const dataOffset = view.getUint32(10, true);
  const infoSize = view.getUint32(14, true);
  const isCore = infoSize === 12;
  if (!isCore && ![40, 52, 56, 64, 108, 124].includes(infoSize)) {
    throw new ImageInputError(file, 'unsupported', `BMP header of ${infoSize} bytes is not supported`);
  }
  need(14 + infoSize, 'DIB header');
  const width = isCore ? view.getUint16(18, true) : view.getInt32(18, true);
  const signedHeight = isCore ? view.getInt16(20, true) : view.getInt32(22, true);
  const bitsPerPixel = isCore ? view.getUint16(24, true) : view.getUint16(28, true);
  const compression = isCore ? BI_RGB : view.getUint32(30, true);
  const coloursUsed = isCore ? 0 : view.getUint32(46, true);
  const height = Math.abs(signedHeight);
  checkDimensions(file, width, height, limits);
  if (![1, 4, 8, 16, 24, 32].includes(bitsPerPixel)) {
    throw new ImageInputError(
      file,
      'unsupported',
      `BMP with ${bitsPerPixel} bits per pixel is not supported`,
    );
  }
  checkCompression(file, compression, bitsPerPixel, signedHeight < 0);

  // Masks sit inside V2+ headers, or right after a 40-byte header when the compression asks for them.
  let masksEnd = 14 + infoSize;
  let masks = bitsPerPixel === 16 ? DEFAULT_MASKS_16 : DEFAULT_MASKS_32;
  if (compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) {
    const masksAt = 54;
    const maskCount = compression === BI_ALPHABITFIELDS || infoSize >= 56 ? 4 : 3;
    if (infoSize === 40) masksEnd = masksAt + maskCount * 4;
    need(masksAt + maskCount * 4, 'colour masks');
    masks = {
      red: view.getUint32(masksAt, true),
      green: view.getUint32(masksAt + 4, true),
      blue: view.getUint32(masksAt + 8, true),
      alpha: maskCount === 4 ? view.getUint32(masksAt + 12, true) : 0,
    };
  } else if (bitsPerPixel === 32 && infoSize >= 56) {
    // V4/V5 headers always carry an alpha mask, even for BI_RGB; honour it only if non-zero.
    masks = { ...DEFAULT_MASKS_32, alpha: view.getUint32(66, true) };
  }

  let paletteRgba = new Uint8Array(0);
  if (bitsPerPixel <= 8) {
    const entrySize = isCore ? 3 : 4;
    const declared = coloursUsed === 0 ? 1 << bitsPerPixel : Math.min(coloursUsed, 1 << bitsPerPixel);
    // Some writers declare more entries than fit before the pixels; keep the ones that are there.
    const room = Math.floor((Math.min(dataOffset, bytes.length) - masksEnd) / entrySize);
    const entries = Math.max(0, Math.min(declared, room));
    paletteRgba = new Uint8Array(entries * 4);
    for (let entry = 0; entry < entries; entry++) {
      const at = masksEnd + entry * entrySize;
      // Stored blue, green, red (and a reserved byte that is not alpha).
      paletteRgba.set([bytes[at + 2] ?? 0, bytes[at + 1] ?? 0, bytes[at] ?? 0, 255], entry * 4);
    }
    if (entries === 0) throw new ImageInputError(file, 'corrupt', 'palette BMP has no palette');
  }
  if (dataOffset >= bytes.length) {
    throw new ImageInputError(
      file,
      'truncated',
      `truncated BMP: pixel data offset ${dataOffset} is past the end of the file`,
    );
  }
  return {
    width,
    height,
    topDown: signedHeight < 0,
    bitsPerPixel,
    compression,
    dataOffset,
    paletteRgba,
    masks,
  };
}

function checkCompression(file: string, compression: number, bitsPerPixel: number, topDown: boolean): void {
  const valid =
    compression === BI_RGB ||
    (compression === BI_RLE8 && bitsPerPixel === 8 && !topDown) ||
    (compression === BI_RLE4 && bitsPerPixel === 4 && !topDown) ||
    ((compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS) &&
      (bitsPerPixel === 16 || bitsPerPixel === 32));
  if (!valid) {
    throw new ImageInputError(
      file,
      'unsupported',
      `BMP compression ${compression} with ${bitsPerPixel} bits per pixel is not supported`,
    );
  }
}
