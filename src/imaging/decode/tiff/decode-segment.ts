import { inflateCapped } from '../inflate-capped';
import { decodeLzw } from './lzw';
import { decodePackBits } from './packbits';
import type { TiffCompression } from './tiff-page';
import type { TiffSegment } from './tiff-segments';

/**
 * Decompresses one strip or tile into `target` (sized for the rows it must yield) and returns how many
 * bytes the data yielded; fewer than `target.length` means rows are missing. Output beyond the target
 * (some writers pad the last strip) is dropped.
 */
export function decodeSegment(
  bytes: Uint8Array,
  segment: TiffSegment,
  compression: TiffCompression,
  target: Uint8Array,
): number {
  const source = bytes.subarray(segment.offset, segment.offset + segment.byteCount);
  switch (compression) {
    case 1:
      target.set(source.subarray(0, target.length));
      return Math.min(source.length, target.length);
    case 5:
      return decodeLzw(source, target);
    case 8: {
      const inflated = inflateCapped(source, 'zlib', target.length);
      target.set(inflated.bytes);
      return inflated.bytes.length;
    }
    case 32773:
      return decodePackBits(source, target);
  }
}

/**
 * Undoes horizontal differencing (TIFF predictor 2) in place on whole stored rows of a strip or tile:
 * each sample was stored as the difference to the same sample one pixel to its left, restarting at
 * every row of every segment. 16-bit samples are summed in the file's byte order.
 */
export function undoHorizontalPredictor(
  data: Uint8Array,
  rowBytes: number,
  samplesPerPixel: number,
  bitsPerSample: 8 | 16,
  littleEndian: boolean,
): void {
  const rows = Math.floor(data.length / rowBytes);
  if (bitsPerSample === 8) {
    for (let row = 0; row < rows; row++) {
      const end = (row + 1) * rowBytes;
      for (let at = row * rowBytes + samplesPerPixel; at < end; at++) {
        data[at] = ((data[at] ?? 0) + (data[at - samplesPerPixel] ?? 0)) & 0xff;
      }
    }
    return;
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const stride = samplesPerPixel * 2;
  for (let row = 0; row < rows; row++) {
    const end = (row + 1) * rowBytes - 1;
    for (let at = row * rowBytes + stride; at < end; at += 2) {
      const sum = view.getUint16(at, littleEndian) + view.getUint16(at - stride, littleEndian);
      view.setUint16(at, sum & 0xffff, littleEndian);
    }
  }
}

/** Reverses the bit order of every byte (FillOrder 2 stores the least significant bit first). */
export function reverseBitsInPlace(data: Uint8Array): void {
  for (let index = 0; index < data.length; index++) {
    let value = data[index] ?? 0;
    value = ((value & 0xf0) >>> 4) | ((value & 0x0f) << 4);
    value = ((value & 0xcc) >>> 2) | ((value & 0x33) << 2);
    value = ((value & 0xaa) >>> 1) | ((value & 0x55) << 1);
    data[index] = value;
  }
}
