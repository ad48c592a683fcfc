import { describe, expect, it } from 'vitest';
import { readFixture } from '../fixtures/read-fixture.node.js';
import { decodeImage } from './decode-image';
import { ImageInputError, type ImageInputReason } from './image-input-error';
import type { DecodeOptions } from './decoded-page';

/** Decodes and returns the ImageInputError it must throw. */
function refusal(file: string, bytes: Uint8Array, options?: DecodeOptions): ImageInputError {
  try {
    decodeImage(file, bytes, options);
  } catch (error) {
    if (error instanceof ImageInputError) return error;
    throw new Error(`expected an ImageInputError, got ${String(error)}`);
  }
  throw new Error(`${file} decoded although it should have been refused`);
}

function expectRefusal(
  file: string,
  bytes: Uint8Array,
  reason: ImageInputReason,
  detail: RegExp,
  options?: DecodeOptions,
): void {
  const error = refusal(file, bytes, options);
  expect(error.reason).toBe(reason);
  expect(error.file).toBe(file);
  expect(error.message.startsWith(`${file}: `)).toBe(true);
  expect(error.detail).toMatch(detail);
}

/** A copy of `bytes` with a big-endian 32-bit value written at `at`. */
function withUint32(bytes: Uint8Array, at: number, value: number, littleEndian = false): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(at, value, littleEndian);
  return copy;
}

describe('decodeImage refuses what it cannot read, naming the file', () => {
  it('refuses empty and unknown files', () => {
    expectRefusal('cells/empty.png', new Uint8Array(0), 'empty', /empty/);
    expectRefusal(
      'notes.txt',
      new TextEncoder().encode('hello, not an image'),
      'unknown-format',
      /not a PNG, JPEG, BMP or TIFF.*68 65 6c 6c/,
    );
    expectRefusal('big.tif', new Uint8Array([0x49, 0x49, 0x2b, 0, 8, 0, 0, 0]), 'unsupported', /BigTIFF/);
  });

  it('refuses truncated files of every format', () => {
    const png = readFixture('png-rgb8.png');
    expectRefusal('cut.png', png.subarray(0, png.length - 30), 'truncated', /truncated PNG/);
    const jpeg = readFixture('jpeg-baseline-rgb.jpg');
    expectRefusal('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.7)), 'truncated', /truncated JPEG/);
    const bmp = readFixture('bmp-rgb24.bmp');
    expectRefusal(
      'cut.bmp',
      bmp.subarray(0, bmp.length - 60),
      'truncated',
      /truncated BMP.*needs 333 bytes, file has 274/,
    );
    expectRefusal('header.bmp', bmp.subarray(0, 30), 'truncated', /DIB header/);
    expectRefusal(
      'cut.tif',
      readFixture('tiff-truncated-strip.tif'),
      'truncated',
      /strip 2 yields 0 of its 1 rows/,
    );
    const tiff = readFixture('tiff-gray8-none.tif');
    expectRefusal('stub.tif', tiff.subarray(0, 6), 'truncated', /8-byte header/);
  });

  it('refuses absurd dimensions before allocating', () => {
    expectRefusal('huge.tif', readFixture('tiff-absurd-dimensions.tif'), 'too-large', /1000000×1000000/);
    // IHDR width and height sit at bytes 16 and 20; fast-png never gets to allocate 2^31 × 2^31.
    const png = withUint32(withUint32(readFixture('png-gray8.png'), 16, 2 ** 31 - 1), 20, 2 ** 31 - 1);
    expectRefusal('huge.png', png, 'too-large', /2147483647×2147483647/);
    const bmp = withUint32(readFixture('bmp-rgb24.bmp'), 18, 50_000, true);
    expectRefusal('wide.bmp', bmp, 'too-large', /50000×7/);
    const jpeg = readFixture('jpeg-baseline-gray.jpg').slice();
    const frame = jpeg.findIndex((value, index) => value === 0xff && jpeg[index + 1] === 0xc0);
    jpeg.set([0xff, 0xff, 0xff, 0xff], frame + 5);
    expectRefusal('huge.jpg', jpeg, 'too-large', /65535×65535/);
  });

  it('applies configured limits', () => {
    const options = { limits: { maxWidth: 10 } };
    expectRefusal('small-limit.png', readFixture('png-gray8.png'), 'too-large', /13×7.*10×20000/, options);
    expectRefusal('pages.tif', readFixture('tiff-multipage-lzw.tif'), 'too-large', /more than 2 pages/, {
      limits: { maxPages: 2 },
    });
    expect(decodeImage('ok.png', readFixture('png-gray8.png'), { limits: { maxPixels: 91 } })).toHaveLength(
      1,
    );
    expectRefusal('px.png', readFixture('png-gray8.png'), 'too-large', /90 px per page/, {
      limits: { maxPixels: 90 },
    });
  });

  it('refuses corrupt compressed data', () => {
    const png = readFixture('png-gray8.png').slice();
    const data = png.findIndex(
      (value, index) =>
        String.fromCharCode(value, png[index + 1] ?? 0, png[index + 2] ?? 0, png[index + 3] ?? 0) === 'IDAT',
    );
    png.fill(0x55, data + 6, data + 20);
    expect(refusal('bad.png', png).reason).toBe('corrupt');
    expect(refusal('bad.png', png).message).toMatch(/^bad\.png: corrupt PNG data/);
  });

  it('survives a TIFF whose IFD chain loops back on itself', () => {
    const tiff = readFixture('tiff-gray8-none.tif').slice();
    const view = new DataView(tiff.buffer);
    const ifd = view.getUint32(4, true);
    view.setUint32(ifd + 2 + 12 * view.getUint16(ifd, true), ifd, true);
    const pages = decodeImage('loop.tif', tiff);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.repairs.join()).toMatch(/loops back/);
  });

  it('never hangs or throws anything but ImageInputError on garbage after a valid header', () => {
    const tiff = readFixture('tiff-gray8-lzw-predictor-strips.tif');
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      const noisy = tiff.slice();
      for (let index = 8; index < noisy.length; index++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        if (seed % 5 === 0) noisy[index] = seed & 0xff;
      }
      try {
        decodeImage('noisy.tif', noisy, { limits: { maxPixels: 1_000_000, maxPages: 4 } });
      } catch (error) {
        expect(error).toBeInstanceOf(ImageInputError);
      }
    }
  });
});
