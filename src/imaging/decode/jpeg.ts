import jpeg from 'jpeg-js';
import type { DecodedPage } from './decoded-page';
import { checkDimensions, type DecodeLimits } from './decode-limits';
import { asImageInputError, ImageInputError } from './image-input-error';
import { interleavedToGray } from './to-gray';

/** Start-of-frame markers jpeg-js decodes: baseline, extended sequential and progressive Huffman. */
const DECODABLE_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Other start-of-frame markers: lossless, hierarchical, arithmetic-coded. Valid JPEG, not supported. */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

interface JpegFrame {
  readonly width: number;
  readonly height: number;
  readonly components: number;
}

/**
 * Reads the frame header by walking the marker segments (never the entropy-coded data), so dimensions
 * are checked before jpeg-js allocates, and refuses a file without an end-of-image marker: jpeg-js would
 * otherwise return the missing rows as gray without complaint.
 */
function readJpegFrame(file: string, bytes: Uint8Array, limits: DecodeLimits): JpegFrame {
  let frame: JpegFrame | undefined;
  let at = 2;
  while (frame === undefined) {
    // Markers may be preceded by any number of 0xff fill bytes.
    while (at < bytes.length && bytes[at] === 0xff && bytes[at + 1] === 0xff) at++;
    if (at + 4 > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        `truncated JPEG: file ends at byte ${bytes.length} before the frame header`,
      );
    }
    const marker = bytes[at + 1] ?? 0;
    if (bytes[at] !== 0xff)
      throw new ImageInputError(file, 'corrupt', `corrupt JPEG: no marker at byte ${at}`);
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (DECODABLE_FRAMES.has(marker)) {
      if (at + 10 > bytes.length) throw new ImageInputError(file, 'truncated', 'truncated JPEG frame header');
      const precision = bytes[at + 4] ?? 0;
      if (precision !== 8)
        throw new ImageInputError(file, 'unsupported', `${precision}-bit JPEG is not supported`);
      frame = {
        height: ((bytes[at + 5] ?? 0) << 8) | (bytes[at + 6] ?? 0),
        width: ((bytes[at + 7] ?? 0) << 8) | (bytes[at + 8] ?? 0),
        components: bytes[at + 9] ?? 0,
      };
    } else if (OTHER_FRAMES.has(marker)) {
      throw new ImageInputError(
        file,
        'unsupported',
        `JPEG coding 0x${marker.toString(16)} (lossless, hierarchical or arithmetic) is not supported`,
      );
    } else if (marker === 0xda || marker === 0xd9) {
      throw new ImageInputError(file, 'corrupt', 'corrupt JPEG: image data before any frame header');
    }
    at += 2 + length;
  }
  // A height of 0 means "given later by a DNL marker"; jpeg-js cannot pre-size for that.
  if (frame.height === 0)
    throw new ImageInputError(file, 'unsupported', 'JPEG with height defined later (DNL) is not supported');
  checkDimensions(file, frame.width, frame.height, limits);
  checkScanCanHoldFrame(file, bytes.length, frame);
  if (![1, 3, 4].includes(frame.components)) {
    throw new ImageInputError(
      file,
      'unsupported',
      `JPEG with ${frame.components} colour components is not supported`,
    );
  }
  if (!hasEndOfImage(bytes)) {
    throw new ImageInputError(file, 'truncated', 'truncated JPEG: no end-of-image marker (file cut short)');
  }
  return frame;
}

/**
 * Refuses a file too small for the frame it declares, before jpeg-js allocates for that frame (a 2 KB
 * file declaring 20,000 × 5,000 cost 1.6 GB before its error). Every 8 × 8 block of the first component
 * codes at least its DC difference, a Huffman code of at least one bit, in baseline and progressive
 * files alike: so the file holds at least one byte per eight blocks.
 */
function checkScanCanHoldFrame(file: string, fileBytes: number, frame: JpegFrame): void {
  const blocks = Math.ceil(frame.width / 8) * Math.ceil(frame.height / 8);
  const leastBytes = Math.ceil(blocks / 8);
  if (fileBytes < leastBytes) {
    throw new ImageInputError(
      file,
      'truncated',
      `truncated or corrupt JPEG: ${fileBytes.toLocaleString('en')} bytes cannot hold the ${frame.width}×${frame.height} pixels its header declares (at least ${leastBytes.toLocaleString('en')} bytes)`,
    );
  }
}

/** Looks for FF D9 near the end; cameras and editors may append a few bytes or a trailer after it. */
function hasEndOfImage(bytes: Uint8Array): boolean {
  const searchFrom = Math.max(2, bytes.length - 65_536);
  for (let at = bytes.length - 2; at >= searchFrom; at--) {
    if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
  }
  return false;
}

/** Decodes a baseline or progressive JPEG (gray, YCbCr/RGB or CMYK) to one gray page. */
export function decodeJpeg(file: string, bytes: Uint8Array, limits: DecodeLimits): DecodedPage {
  const frame = readJpegFrame(file, bytes, limits);
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      // Our own limits were applied above; these only stop jpeg-js refusing what we accepted.
      maxResolutionInMP: Math.ceil(limits.maxPixels / 1_000_000) + 1,
      maxMemoryUsageInMB: Math.max(512, Math.ceil((limits.maxPixels * 16) / 1_048_576)),
    });
  } catch (error) {
    throw asImageInputError(file, 'JPEG', error);
  }
  if (decoded.width !== frame.width || decoded.height !== frame.height) {
    throw new ImageInputError(
      file,
      'corrupt',
      'JPEG decoded to other dimensions than its frame header declares',
    );
  }
  const image = interleavedToGray({
    data: decoded.data,
    width: decoded.width,
    height: decoded.height,
    samplesPerPixel: 3,
    colour: 'rgb',
    alpha: 'none',
    maxValue: 255,
  });
  return {
    image,
    pageIndex: 0,
    format: 'jpeg',
    sourceColour: frame.components === 1 ? 'gray' : 'rgb',
    sourceBitsPerSample: 8,
    hadAlpha: false,
    repairs: [],
  };
}
