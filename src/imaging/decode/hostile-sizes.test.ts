import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { pngClaimingSize } from '../fixtures/broken-files.node.js';
import { tiffSharingOneStrip, jpegClaimingSize } from '../fixtures/hostile-files.node.js';
import { createGrayImage } from '../../shared/gray-image';
import { ANALYSIS_MAX_PIXELS, fitAnalysisBudget } from '../profile/analysis-budget';
import { decodeImage, openImage } from './decode-image';
import { DEFAULT_DECODE_LIMITS } from './decode-limits';
import { ImageInputError } from './image-input-error';

function refusal(run: () => unknown): ImageInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImageInputError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('small files that declare gigapixels', () => {
  it('refuses the pages of a TIFF that together pass the file limit, before decoding any', () => {
    // 40 pages of 8 Mpx, all one 8 KB strip: 320 Mpx, above the 128 Mpx a file may hold.
    const tiff = tiffSharingOneStrip(40, 4000, 2000);
    expect(tiff.length).toBeLessThan(20_000);
    const error = refusal(() => openImage('pages.tif', tiff));
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('pages.tif');
    expect(error.detail).toMatch(/40 pages hold 320 Mpx together, above the limit of 128 Mpx/);
  });

  it('refuses the 126 KB TIFF of 256 pages of 10,000 × 10,000 from its directories alone', () => {
    const tiff = tiffSharingOneStrip(256, 10_000, 10_000);
    expect(tiff.length).toBeLessThan(200_000);
    const before = process.memoryUsage().arrayBuffers;
    expect(refusal(() => openImage('bomb.tif', tiff)).reason).toBe('too-large');
    // Pages within the page limit, but 9,216 Mpx together.
    const error = refusal(() => openImage('bomb.tif', tiffSharingOneStrip(256, 6000, 6000)));
    expect(error.detail).toMatch(/256 pages hold 9,216 Mpx together/);
    // Nothing was inflated: no page's buffer of 36–100 MB was ever made.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40_000_000);
  });

  it('decodes the pages of a multi-page TIFF one at a time, when asked', () => {
    const tiff = tiffSharingOneStrip(3, 64, 48);
    const opened = openImage('three.tif', tiff);
    expect(opened.pageCount).toBe(3);
    const page = opened.decodePage(2);
    expect(page.pageIndex).toBe(2);
    expect(page.image.width).toBe(64);
    expect(decodeImage('three.tif', tiff)).toHaveLength(3);
  });

  it('refuses a page above the per-page pixel limit from its header', () => {
    const error = refusal(() => openImage('one.tif', tiffSharingOneStrip(1, 7000, 7000)));
    expect(error.reason).toBe('too-large');
    expect(error.detail).toBe(
      'declares 7000×7000 pixels (49 Mpx), above the limit of 20000×20000 and 40 Mpx per page',
    );
  });

  it('refuses a page whose stored samples pass the per-page byte budget, from its header', () => {
    // 8,000 × 5,000 is within 40 Mpx, but 16-bit RGBA makes it 305 MB of samples (the tab reached 1.6 GB).
    const small = encode({
      width: 4,
      height: 4,
      data: new Uint16Array(64).fill(65535),
      channels: 4,
      depth: 16,
    });
    const error = refusal(() => decodeImage('rgba16.png', pngClaimingSize(small, 8000, 5000)));
    expect(error.reason).toBe('too-large');
    expect(error.detail).toBe(
      '8000×5000 pixels of 64 bits each are 305 MB of samples, above the 160 MB a page may take (save it as 8-bit, or gray)',
    );
    // The same page in 8-bit RGB is 114 MB: within the budget (this lying copy then fails on its data).
    const rgb = encode({ width: 4, height: 4, data: new Uint8Array(48).fill(255), channels: 3, depth: 8 });
    expect(refusal(() => decodeImage('rgb.png', pngClaimingSize(rgb, 8000, 5000))).reason).not.toBe(
      'too-large',
    );
  });

  it('refuses a JPEG whose bytes cannot hold the frame it declares, before jpeg-js allocates for it', () => {
    // 4,000 × 3,000 gray is 187,500 blocks: at least 23,438 bytes even if every block were one bit.
    const error = refusal(() => decodeImage('lying.jpg', jpegClaimingSize(4000, 3000)));
    expect(error.reason).toBe('truncated');
    expect(error.detail).toMatch(/cannot hold the 4000×3000 pixels its header declares/);
    // The file: 20,000 × 5,000 in 2 KB.
    expect(refusal(() => decodeImage('big.jpg', jpegClaimingSize(20_000, 5_000))).reason).toBe('too-large');
  });
});

describe('fitAnalysisBudget', () => {
  it('passes a page within the budget unchanged', () => {
    const image = createGrayImage(100, 50, 7);
    expect(fitAnalysisBudget(image, 5000)).toEqual({ image, reduction: 1, note: null });
  });

  it('reduces a page above the budget by the smallest integer factor, averaging blocks', () => {
    const image = createGrayImage(90, 60, 0);
    // Left half black, right half white: block averages keep the edge where it was.
    for (let y = 0; y < 60; y++) for (let x = 44; x < 90; x++) image.pixels[y * 90 + x] = 255;
    image.pixels[0] = 90; // one pixel of the first 2×2 block (0, 0, 0, 90) → 22.5 → 23
    const fitted = fitAnalysisBudget(image, 1500);
    expect(fitted.reduction).toBe(2);
    expect(fitted.image.width * fitted.image.height).toBeLessThanOrEqual(1500);
    expect([fitted.image.width, fitted.image.height]).toEqual([45, 30]);
    expect(fitted.image.pixels[0]).toBe(23);
    expect(fitted.image.pixels[21]).toBe(0);
    expect(fitted.image.pixels[22]).toBe(255);
    expect(fitted.note).toMatch(/reduced 2× to 45 × 30 px for analysis/);
  });

  it('keeps the analysed page within the budget for the largest page a file may hold', () => {
    const side = Math.floor(Math.sqrt(DEFAULT_DECODE_LIMITS.maxPixels));
    const fitted = fitAnalysisBudget(createGrayImage(side, side));
    expect(fitted.image.width * fitted.image.height).toBeLessThanOrEqual(ANALYSIS_MAX_PIXELS);
  });
});
