import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { encodeGrayTiff } from '../fixtures/encode-gray-tiff.node';
import { decodeImage } from './decode-image';
import { significantMaxValue16 } from './to-gray';

/** A 12-bit camera's picture in a 16-bit container: background 4000 of 4095, a band at 1000. */
function twelveBitSamples(): Uint16Array {
  const samples = new Uint16Array(8 * 4).fill(4000);
  samples.fill(1000, 8, 16);
  return samples;
}

describe('16-bit files whose camera used fewer bits', () => {
  it('find the fewest bits that hold every colour sample, at least 8, alpha aside', () => {
    expect(significantMaxValue16(Uint16Array.from([0, 4095, 12]), 1, 1)).toBe(4095);
    expect(significantMaxValue16(Uint16Array.from([4096]), 1, 1)).toBe(8191);
    expect(significantMaxValue16(Uint16Array.from([65535, 3]), 1, 1)).toBe(65535);
    expect(significantMaxValue16(Uint16Array.from([17, 200]), 1, 1)).toBe(255);
    // gray + alpha: the alpha sample (65535) does not count
    expect(significantMaxValue16(Uint16Array.from([1000, 65535, 3000, 65535]), 2, 1)).toBe(4095);
  });

  it('decode a 12-bit TIFF to a white background and dark bands, and say how they were scaled', () => {
    const [page] = decodeImage('cell.tif', encodeGrayTiff(8, 4, twelveBitSamples()));
    expect(page?.image.pixels[0]).toBe(Math.round((4000 * 255) / 4095));
    expect(page?.image.pixels[8]).toBe(Math.round((1000 * 255) / 4095));
    expect(page?.repairs.join(' ')).toContain('use only 12 bits');
  });

  it('invert a 12-bit WhiteIsZero TIFF against the 12-bit full scale', () => {
    const stored = twelveBitSamples().map((v) => 4095 - v);
    const [page] = decodeImage('cell.tif', encodeGrayTiff(8, 4, stored, 0));
    expect(page?.image.pixels[0]).toBe(Math.round((4000 * 255) / 4095));
    expect(page?.image.pixels[8]).toBe(Math.round((1000 * 255) / 4095));
  });

  it('decode a 12-bit PNG the same way, and leave a full-range 16-bit image as it was', () => {
    const png = encode({ width: 8, height: 4, data: twelveBitSamples(), depth: 16, channels: 1 });
    const [page] = decodeImage('cell.png', png);
    expect(page?.image.pixels[0]).toBe(Math.round((4000 * 255) / 4095));
    expect(page?.repairs.join(' ')).toContain('use only 12 bits');
    const full = twelveBitSamples().map((v) => v * 16);
    full[0] = 65535;
    const [fullPage] = decodeImage('cell.tif', encodeGrayTiff(8, 4, full));
    expect(fullPage?.image.pixels[8]).toBe(Math.round((16000 * 255) / 65535));
    expect(fullPage?.repairs).toEqual([]);
  });
});
