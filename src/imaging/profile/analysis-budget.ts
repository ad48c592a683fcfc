import type { GrayImage } from '../../shared/gray-image';

/**
 * Most pixels one karyogram or metaphase page is analysed at. Layout and profiles hold about 30 bytes
 * per pixel at their peak (the 7.5 Mpx NHGRI karyogram: 310 MB in the CLI, 3 s of imaging), so 16 Mpx
 * keeps a page near 500 MB and a few seconds; chromosomes of a karyogram that big are 30 px wide or
 * more, far above the 9 px layout needs.
 */
export const ANALYSIS_MAX_PIXELS = 16_000_000;

/** A page as analysed: the image itself, or an integer-factor reduction of it. */
export interface PageForAnalysis {
  readonly image: GrayImage;
  /** Source pixels per analysed pixel along each axis (1 = unchanged). */
  readonly reduction: number;
  /** The cell warning that says so, or null when the page was not reduced. */
  readonly note: string | null;
}

/**
 * Reduces a page above `maxPixels` by the smallest integer factor that brings it within, averaging each
 * factor × factor block (a box filter: no aliasing of band patterns). Pages within the budget pass as
 * they are. Positions found on a reduced page are in reduced pixels.
 */
export function fitAnalysisBudget(image: GrayImage, maxPixels = ANALYSIS_MAX_PIXELS): PageForAnalysis {
  const pixels = image.width * image.height;
  if (pixels <= maxPixels) return { image, reduction: 1, note: null };
  const factor = Math.ceil(Math.sqrt(pixels / maxPixels));
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const reduced = new Uint8Array(width * height);
  const rowSums = new Uint32Array(width);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    rowSums.fill(0);
    for (let dy = 0; dy < factor; dy++) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        const start = row + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.pixels[start + dx] ?? 0;
        rowSums[x] = (rowSums[x] ?? 0) + sum;
      }
    }
    for (let x = 0; x < width; x++) reduced[y * width + x] = Math.round((rowSums[x] ?? 0) / area);
  }
  const megapixels = (n: number): string => `${(n / 1_000_000).toFixed(0)} Mpx`;
  return {
    image: { width, height, pixels: reduced },
    reduction: factor,
    note: `image of ${image.width} × ${image.height} px (${megapixels(pixels)}) reduced ${factor}× to ${width} × ${height} px for analysis (limit ${megapixels(maxPixels)})`,
  };
}
