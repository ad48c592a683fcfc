import { ImageInputError } from './image-input-error';

/**
 * Upper bounds on what a decoder agrees to allocate. They are checked against the header *before* any
 * pixel buffer exists, so a 40-byte file that claims to be 2^31 pixels wide costs nothing.
 */
export interface DecodeLimits {
  /** Widest accepted image, in pixels. */
  readonly maxWidth: number;
  /** Tallest accepted image, in pixels. */
  readonly maxHeight: number;
  /** Largest accepted width × height of one page, in pixels. */
  readonly maxPixels: number;
  /** Most pages read from one multi-page file (each page is one cell). */
  readonly maxPages: number;
  /**
   * Largest sum of width × height over the pages of one file, in pixels. Checked from the headers before
   * any page is decoded: the pages of a TIFF may all point at one small compressed strip, so a 100 KB
   * file can declare 256 pages of 100 Mpx each.
   */
  readonly maxFilePixels: number;
  /**
   * Largest size of one page's samples as stored (width × height × samples per pixel × bytes per
   * sample), in bytes. A decoder holds them about twice over (inflated and unfiltered) before they
   * become 8-bit gray: a 40 Mpx page of 16-bit RGBA took the tab to 1.6 GB.
   */
  readonly maxSampleBytes: number;
}

/**
 * 20,000 × 20,000 px, 40 Mpx per page, 256 pages, 128 Mpx per file. The largest real karyogram here is
 * 3,084 × 2,417 (7.5 Mpx; a 600 dpi A4 scan is 35 Mpx), a case's multi-page TIFF of 20 cells about
 * 40 Mpx. The worst page, 16-bit RGBA, is inflated and unfiltered into two buffers of 8 bytes per pixel:
 * at 64 Mpx that took the CLI to 1.56 GB, at 40 Mpx it stays near 1 GB (`npm run bench -- --hostile`).
 * Pages above the analysis budget are reduced before layout (see `fitAnalysisBudget`).
 */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxWidth: 20_000,
  maxHeight: 20_000,
  maxPixels: 40_000_000,
  maxPages: 256,
  maxFilePixels: 128_000_000,
  maxSampleBytes: 160 * 1024 * 1024,
};

/** Fills unset fields from {@link DEFAULT_DECODE_LIMITS}. */
export function resolveDecodeLimits(limits: Partial<DecodeLimits> | undefined): DecodeLimits {
  return { ...DEFAULT_DECODE_LIMITS, ...limits };
}

/**
 * Throws `corrupt` for non-positive or non-integer sizes and `too-large` past the limits.
 * @param where names the page for multi-page files, e.g. "page 2"; empty for single images.
 */
export function checkDimensions(
  file: string,
  width: number,
  height: number,
  limits: DecodeLimits,
  where = '',
): void {
  const prefix = where === '' ? '' : `${where}: `;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageInputError(file, 'corrupt', `${prefix}declares invalid dimensions ${width}×${height}`);
  }
  if (width > limits.maxWidth || height > limits.maxHeight || width * height > limits.maxPixels) {
    throw new ImageInputError(
      file,
      'too-large',
      `${prefix}declares ${width}×${height} pixels (${megapixels(width * height)}), above the limit of ${limits.maxWidth}×${limits.maxHeight} and ${megapixels(limits.maxPixels)} per page`,
    );
  }
}

/** Throws `too-large` when the pages of one file hold more pixels together than `limits.maxFilePixels`. */
export function checkFilePixels(file: string, pagePixels: readonly number[], limits: DecodeLimits): void {
  const total = pagePixels.reduce((sum, pixels) => sum + pixels, 0);
  if (total > limits.maxFilePixels) {
    throw new ImageInputError(
      file,
      'too-large',
      `its ${pagePixels.length} pages hold ${megapixels(total)} together, above the limit of ${megapixels(limits.maxFilePixels)} per file`,
    );
  }
}

/** Pixels as megapixels, e.g. "12,544 Mpx" (one decimal below 10 Mpx), or as pixels below 0.1 Mpx. */
function megapixels(pixels: number): string {
  if (pixels < 100_000) return `${pixels.toLocaleString('en')} px`;
  const mpx = pixels / 1_000_000;
  return `${mpx < 10 ? mpx.toFixed(1).replace(/\.0$/, '') : Math.round(mpx).toLocaleString('en')} Mpx`;
}

/**
 * Throws `too-large` when one page's samples as stored (before conversion to gray) pass
 * `limits.maxSampleBytes`: 40 Mpx of 8-bit RGB pass, 40 Mpx of 16-bit RGBA do not.
 * @param bitsPerPixel all samples of one pixel together, e.g. 64 for 16-bit RGBA
 */
export function checkSampleBytes(
  file: string,
  width: number,
  height: number,
  bitsPerPixel: number,
  limits: DecodeLimits,
  where = '',
): void {
  const bytes = Math.ceil((width * bitsPerPixel) / 8) * height;
  if (bytes > limits.maxSampleBytes) {
    const mb = (n: number): string => `${Math.round(n / 2 ** 20).toLocaleString('en')} MB`;
    const prefix = where === '' ? '' : `${where}: `;
    throw new ImageInputError(
      file,
      'too-large',
      `${prefix}${width}×${height} pixels of ${bitsPerPixel} bits each are ${mb(bytes)} of samples, above the ${mb(limits.maxSampleBytes)} a page may take (save it as 8-bit, or gray)`,
    );
  }
}
