import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureExpectations } from '../fixtures/read-fixture.node.js';
import { decodeImage } from './decode-image';

const expectations = readFixtureExpectations();

/** Largest per-pixel difference between two pixel arrays of equal length. */
function maxDifference(actual: Uint8Array, expected: Uint8Array): number {
  let max = 0;
  expected.forEach((value, index) => {
    max = Math.max(max, Math.abs((actual[index] ?? -1000) - value));
  });
  return max;
}

describe('decodeImage on fixtures from independent encoders', () => {
  it('has fixtures of every format', () => {
    const names = Object.keys(expectations);
    for (const prefix of ['png-', 'jpeg-', 'bmp-', 'tiff-']) {
      expect(names.filter((name) => name.startsWith(prefix)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it.each(Object.keys(expectations))('%s decodes to the expected gray pixels', (name) => {
    const expected = expectations[name];
    if (expected === undefined) throw new Error(`no expectation for ${name}`);
    const pages = decodeImage(name, readFixture(name));
    expect(pages).toHaveLength(expected.pages.length);
    pages.forEach((page, index) => {
      expect(page.pageIndex).toBe(index);
      expect([page.image.width, page.image.height]).toEqual([expected.width, expected.height]);
      expect(page.image.pixels).toHaveLength(expected.width * expected.height);
      expect(
        maxDifference(page.image.pixels, expected.pages[index] ?? new Uint8Array(0)),
      ).toBeLessThanOrEqual(expected.tolerance);
      expect(page.repairs.length > 0).toBe(expected.repairs === true);
    });
  });

  it('reports the stored colour model and alpha', () => {
    const describe = (name: string): [string, number, boolean] => {
      const page = decodeImage(name, readFixture(name))[0];
      return [page?.sourceColour ?? '', page?.sourceBitsPerSample ?? 0, page?.hadAlpha ?? false];
    };
    expect(describe('png-gray16.png')).toEqual(['gray', 16, false]);
    expect(describe('png-rgba8.png')).toEqual(['rgb', 8, true]);
    expect(describe('png-palette8-trns.png')).toEqual(['palette', 4, true]); // Pillow packs 16 colours in 4 bits
    expect(describe('bmp-rgb32-zero-alpha.bmp')).toEqual(['rgb', 8, false]);
    expect(describe('bmp-rgba32-v5-bitfields.bmp')).toEqual(['rgb', 8, true]);
    expect(describe('tiff-palette8.tif')[0]).toBe('palette');
    expect(describe('jpeg-baseline-gray.jpg')).toEqual(['gray', 8, false]);
  });

  it.each([
    'png-rgb16.png',
    'jpeg-progressive-rgb.jpg',
    'bmp-rgb16-565.bmp',
    'tiff-gray16-big-endian-predictor.tif',
  ])('decodes %s from a view into the middle of a larger buffer', (name) => {
    const bytes = readFixture(name);
    const padded = new Uint8Array(bytes.length + 13);
    padded.fill(0xaa);
    padded.set(bytes, 5);
    const view = padded.subarray(5, 5 + bytes.length);
    expect(decodeImage(name, view)[0]?.image.pixels).toEqual(decodeImage(name, bytes)[0]?.image.pixels);
  });

  it('reads the format from the bytes, not the extension', () => {
    const pages = decodeImage('actually-a-png.tif', readFixture('png-gray8.png'));
    expect(pages[0]?.format).toBe('png');
    expect(decodeImage('scan.jpg', readFixture('bmp-rgb24.bmp'))[0]?.format).toBe('bmp');
  });

  it('names what was repaired in a lying TIFF', () => {
    const [counts] = decodeImage('a.tif', readFixture('tiff-lying-byte-counts.tif'));
    expect(counts?.repairs.join(' ')).toMatch(/past the end of the file; clamped/);
    const [extra] = decodeImage('b.tif', readFixture('tiff-extra-strips.tif'));
    expect(extra?.repairs.join(' ')).toMatch(/declares 5 strips, 3 hold all 7 rows/);
  });
});
