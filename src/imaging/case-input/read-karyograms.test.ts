import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { decodeImage } from '../decode/decode-image';
import { invertGray } from '../decode/polarity';
import { encodeGrayTiff } from '../fixtures/encode-gray-tiff.node.js';
import { readFixture } from '../fixtures/read-fixture.node.js';
import { classifyCaseInput } from './classify-case-input';
import { readKaryograms } from './read-karyograms';
import { virtualFile } from './virtual-file';

/** A tiny karyogram-like page: light background, a few dark banded bars. */
function gBandPage(): GrayImage {
  const image = createGrayImage(60, 50, 245);
  for (let bar = 0; bar < 4; bar++) {
    for (let y = 10; y < 40; y++) {
      for (let x = 8 + bar * 12; x < 14 + bar * 12; x++) image.pixels[y * 60 + x] = y % 8 < 4 ? 30 : 140;
    }
  }
  return image;
}

const asTiff = (image: GrayImage): Uint8Array => encodeGrayTiff(image.width, image.height, image.pixels);

describe('readKaryograms', () => {
  it('reads one cell per file and per TIFF page, inverting only DAPI-like images, collecting errors', async () => {
    const page = gBandPage();
    const plan = classifyCaseInput([
      virtualFile('case/a.tif', asTiff(page)),
      virtualFile('case/b.tif', asTiff(invertGray(page))),
      virtualFile('case/c.tif', readFixture('tiff-multipage-lzw.tif')),
      virtualFile('case/d.png', readFixture('png-gray8.png').subarray(0, 50)),
      virtualFile('case/e.tif', readFixture('tiff-extra-strips.tif')),
    ]);
    const result = await readKaryograms(plan);
    expect(result.karyograms.map((karyogram) => [karyogram.cellId, karyogram.pageIndex])).toEqual([
      ['a', 0],
      ['b', 0],
      ['c#1', 0],
      ['c#2', 1],
      ['c#3', 2],
      ['e', 0],
    ]);
    expect(result.karyograms.slice(0, 2).map((karyogram) => karyogram.inverted)).toEqual([false, true]);
    expect(result.karyograms[1]?.image.pixels).toEqual(page.pixels);
    const third = decodeImage('c', readFixture('tiff-multipage-lzw.tif'))[2]?.image;
    if (third === undefined) throw new Error('fixture has no third page');
    const expected = result.karyograms[4]?.inverted === true ? invertGray(third) : third;
    expect(result.karyograms[4]?.image.pixels).toEqual(expected.pixels);
    expect(result.errors).toEqual([
      { path: 'case/d.png', message: expect.stringMatching(/^truncated PNG/) as unknown },
    ]);
    expect(result.warnings.map((warning) => warning.path)).toEqual(['case/e.tif']);
  });

  it('keeps the stored polarity when asked to', async () => {
    const plan = classifyCaseInput([virtualFile('case/b.tif', asTiff(invertGray(gBandPage())))]);
    const result = await readKaryograms(plan, { normalisePolarity: false });
    expect(result.karyograms[0]?.inverted).toBe(false);
    expect(result.karyograms[0]?.polarity.polarity).toBe('light-on-dark');
  });
});
