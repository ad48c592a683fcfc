import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../shared/gray-image';
import { encodeGrayTiff } from '../fixtures/encode-gray-tiff.node.js';
import { readFixture } from '../fixtures/read-fixture.node.js';
import { invertGray } from '../decode/polarity';
import { decodeImage } from '../decode/decode-image';
import { classifyCaseInput } from './classify-case-input';
import { readCrops } from './read-crops';
import { virtualFile, type VirtualFile } from './virtual-file';

const gray = readFixture('tiff-gray8-lzw.tif');
const grayPixels = decodeImage('g', gray)[0]?.image.pixels ?? new Uint8Array(0);

describe('readCrops', () => {
  it('decodes every crop and collects per-file errors without stopping', async () => {
    const files: VirtualFile[] = [
      virtualFile('case/cell1/1_0.tif', gray),
      virtualFile('case/cell1/1_1.tif', gray.subarray(0, 40)),
      virtualFile('case/cell1/2_0.png', readFixture('png-gray8.png')),
      virtualFile('case/cell1/2_1.png', new Uint8Array(0)),
      { path: 'case/cell1/3_0.tif', bytes: () => Promise.reject(new Error('disk on fire')) },
      virtualFile('case/cell2/X_0.tif', readFixture('tiff-multipage-lzw.tif')),
      virtualFile('case/cell2/Y_0.tif', readFixture('tiff-lying-byte-counts.tif')),
    ];
    const progress: number[] = [];
    const result = await readCrops(classifyCaseInput(files), {
      onProgress: (done) => progress.push(done),
      normalisePolarity: false,
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      result.cells.map((cell) => [cell.cellId, cell.crops.map((crop) => `${crop.type}_${crop.homolog}`)]),
    ).toEqual([
      ['cell1', ['1_0', '2_0']],
      ['cell2', ['X_0', 'Y_0']],
    ]);
    expect(result.cells[0]?.crops[0]?.image.pixels).toEqual(grayPixels);
    expect(result.errors).toEqual([
      { path: 'case/cell1/1_1.tif', message: expect.stringMatching(/^truncated TIFF/) as unknown },
      { path: 'case/cell1/2_1.png', message: 'file is empty (0 bytes)' },
      { path: 'case/cell1/3_0.tif', message: 'Error: disk on fire' },
    ]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'holds 3 pages; only the first is used',
      expect.stringMatching(/^header repaired: .*clamped/) as unknown,
    ]);
  });

  it('inverts a whole light-on-dark cell, and nothing else', async () => {
    // A crop-like image (light background, dark bands) and its DAPI-like inverse.
    const crop = { width: 30, height: 30, pixels: new Uint8Array(900).fill(250) };
    for (let y = 5; y < 25; y++) for (let x = 10; x < 20; x++) crop.pixels[y * 30 + x] = y % 6 < 3 ? 30 : 120;
    const asTiff = (image: GrayImage): Uint8Array => encodeGrayTiff(image.width, image.height, image.pixels);
    const plan = classifyCaseInput([
      virtualFile('c/g/1_0.tif', asTiff(crop)),
      virtualFile('c/g/1_1.tif', asTiff(crop)),
      virtualFile('c/q/1_0.tif', asTiff(invertGray(crop))),
      virtualFile('c/q/1_1.tif', asTiff(invertGray(crop))),
    ]);
    const result = await readCrops(plan);
    expect(result.cells.map((cell) => cell.inverted)).toEqual([false, true]);
    expect(result.cells[1]?.crops[0]?.image.pixels).toEqual(crop.pixels);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    const plan = classifyCaseInput([virtualFile('c/g/1_0.tif', gray)]);
    await expect(readCrops(plan, { signal: controller.signal })).rejects.toThrow('user cancelled');
  });
});
