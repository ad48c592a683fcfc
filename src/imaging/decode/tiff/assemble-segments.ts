import { ImageInputError } from '../image-input-error';
import { decodeSegment, undoHorizontalPredictor } from './decode-segment';
import type { TiffPageLayout } from './tiff-page';

/**
 * Decompresses every strip or tile of a page into one buffer of whole image rows (`layout.rowBytes`
 * each), undoing the predictor per segment, and clipping tiles that overhang the right or bottom edge.
 * A segment yielding fewer rows than the image needs from it is an error naming the segment.
 */
export function assembleSegments(
  file: string,
  bytes: Uint8Array,
  layout: TiffPageLayout,
  littleEndian: boolean,
  where: string,
): Uint8Array {
  const { height, rowBytes: imageRowBytes, samplesPerPixel, bitsPerSample } = layout;
  const bitsPerPixel = samplesPerPixel * bitsPerSample;
  const raw = new Uint8Array(height * imageRowBytes);
  const noun = layout.segmentKind === 'strips' ? 'strip' : 'tile';
  let scratch = new Uint8Array(0);
  layout.segments.forEach((segment, index) => {
    const segmentRowBytes = Math.ceil((segment.width * bitsPerPixel) / 8);
    const rows = Math.min(segment.rows, height - segment.y);
    const neededBytes = rows * segmentRowBytes;
    let target: Uint8Array;
    if (layout.segmentKind === 'strips') {
      // A strip is full image rows: decode straight into place.
      target = raw.subarray(segment.y * imageRowBytes, segment.y * imageRowBytes + neededBytes);
    } else {
      if (scratch.length < neededBytes) scratch = new Uint8Array(neededBytes);
      target = scratch.subarray(0, neededBytes);
    }
    const produced = decodeSegment(bytes, segment, layout.compression, target);
    if (produced < neededBytes) {
      const prefix = where === '' ? '' : `${where}: `;
      const rowsGot = Math.floor(produced / segmentRowBytes);
      throw new ImageInputError(
        file,
        'truncated',
        `${prefix}${noun} ${index} yields ${rowsGot} of its ${rows} rows (data truncated or corrupt)`,
      );
    }
    if (layout.horizontalPredictor && (bitsPerSample === 8 || bitsPerSample === 16)) {
      undoHorizontalPredictor(target, segmentRowBytes, samplesPerPixel, bitsPerSample, littleEndian);
    }
    if (layout.segmentKind === 'tiles') {
      const xBits = segment.x * bitsPerPixel;
      if (xBits % 8 !== 0)
        throw new ImageInputError(file, 'unsupported', 'TIFF tiles not aligned to bytes are not supported');
      const xByte = xBits / 8;
      const copyBytes = Math.min(segmentRowBytes, imageRowBytes - xByte);
      for (let row = 0; row < rows; row++) {
        const from = row * segmentRowBytes;
        raw.set(target.subarray(from, from + copyBytes), (segment.y + row) * imageRowBytes + xByte);
      }
    }
  });
  return raw;
}
