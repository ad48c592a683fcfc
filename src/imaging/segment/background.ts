import type { GrayImage } from '../../shared/gray-image';

/** What the background of an image looks like, from its gray-level histogram. */
export interface BackgroundEstimate {
  /** Gray level of the background (the histogram mode), 0–255. */
  readonly level: number;
  /** True when objects are lighter than the background (Q-banding, DAPI) and the image needs inverting. */
  readonly lightObjects: boolean;
  /** Robust spread of background gray levels (1.4826 × MAD around the mode), gray levels. */
  readonly noise: number;
  /** Fraction of pixels within CLEAN_BAND gray levels of the background level, [0, 1]. */
  readonly cleanFraction: number;
}

/** Gray levels around the background level that count as clean background. */
export const CLEAN_BAND = 12;

/** Histogram of gray levels, 256 bins. */
export function grayHistogram(image: GrayImage): Uint32Array {
  const histogram = new Uint32Array(256);
  const { pixels } = image;
  for (let i = 0; i < pixels.length; i++) histogram[pixels[i] ?? 0] = (histogram[pixels[i] ?? 0] ?? 0) + 1;
  return histogram;
}

/**
 * Estimates the background from the histogram mode. Karyograms and crops are mostly background, so the
 * mode is the background; its side of mid-gray says whether objects are dark on light or light on dark.
 */
export function estimateBackground(image: GrayImage): BackgroundEstimate {
  const histogram = grayHistogram(image);
  const total = Math.max(1, image.pixels.length);
  // Smooth lightly so that JPEG dithering does not split the mode.
  let level = 0;
  let best = -1;
  for (let v = 0; v < 256; v++) {
    let sum = 0;
    for (let d = -2; d <= 2; d++) sum += histogram[v + d] ?? 0;
    if (sum > best) {
      best = sum;
      level = v;
    }
  }
  // The smoothed peak is a window; the level is the busiest gray level inside it.
  const centre = level;
  for (let v = Math.max(0, centre - 2); v <= Math.min(255, centre + 2); v++) {
    if ((histogram[v] ?? 0) > (histogram[level] ?? 0)) level = v;
  }
  // Median absolute deviation of the pixels that plausibly are background (within 40 levels of the mode).
  const deviations = new Float64Array(41);
  let near = 0;
  for (let d = -40; d <= 40; d++) {
    const count = histogram[level + d] ?? 0;
    deviations[Math.abs(d)] = (deviations[Math.abs(d)] ?? 0) + count;
    near += count;
  }
  let cumulative = 0;
  let mad = 0;
  for (let d = 0; d <= 40; d++) {
    cumulative += deviations[d] ?? 0;
    if (cumulative >= near / 2) {
      mad = d;
      break;
    }
  }
  const noise = Math.max(1, 1.4826 * mad);
  // A fixed band: a scanned or rendered karyogram's background is flat to a few gray levels, while a
  // photograph's varies by tens, so a band that grew with the noise would hide exactly that.
  const cleanBand = CLEAN_BAND;
  let clean = 0;
  for (let v = Math.max(0, Math.floor(level - cleanBand)); v <= Math.min(255, level + cleanBand); v++) {
    clean += histogram[v] ?? 0;
  }
  return { level, lightObjects: level < 128, noise, cleanFraction: clean / total };
}

/**
 * Darkness of every pixel relative to the background, in [0, 1]: 0 at or beyond the background level,
 * 1 at the far end of the gray scale (black for dark-on-light images, white for light-on-dark ones).
 */
export function darknessImage(image: GrayImage, background: BackgroundEstimate): Float32Array {
  const { pixels } = image;
  const out = new Float32Array(pixels.length);
  const lut = darknessLookup(background);
  for (let i = 0; i < pixels.length; i++) out[i] = lut[pixels[i] ?? 0] ?? 0;
  return out;
}

/** Darkness of each of the 256 gray levels for one background, see {@link darknessImage}. */
export function darknessLookup(background: Pick<BackgroundEstimate, 'level' | 'lightObjects'>): Float32Array {
  const lut = new Float32Array(256);
  const range = background.lightObjects ? 255 - background.level : background.level;
  const scale = range > 0 ? 1 / range : 0;
  for (let v = 0; v < 256; v++) {
    const d = background.lightObjects ? v - background.level : background.level - v;
    lut[v] = Math.min(1, Math.max(0, d * scale));
  }
  return lut;
}

/**
 * Background of a single-chromosome crop. A tight crop can be mostly chromosome, so the histogram mode
 * may be chromatin; instead the polarity comes from the crop's border (the chromatin is whatever pulls
 * the whole crop's mean away from the border's median: darker for G-banding, lighter for a light-on-dark
 * export) and the level from the far end of the gray range the border reaches (the 90th percentile of
 * border pixels towards the background side). The whole crop, not its middle quarter, decides the
 * polarity: a bent or off-centre chromosome can leave the middle all background, and an inverted crop
 * was then read as dark-on-light.
 */
export function estimateCropBackground(crop: GrayImage): BackgroundEstimate {
  const { width, height, pixels } = crop;
  const border: number[] = [];
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x] ?? 0;
      sum += v;
      if (x === 0 || y === 0 || x === width - 1 || y === height - 1) border.push(v);
    }
  }
  const sortedBorder = border.sort((a, b) => a - b);
  const borderMedian = sortedBorder[Math.floor(sortedBorder.length / 2)] ?? 255;
  const lightObjects = sum / Math.max(1, pixels.length) > borderMedian;
  const index = Math.floor((lightObjects ? 0.1 : 0.9) * (sortedBorder.length - 1));
  const level = sortedBorder[index] ?? (lightObjects ? 0 : 255);
  // Noise from the border pixels on the background side of the level.
  const deviations = sortedBorder
    .filter((v) => (lightObjects ? v <= level + 20 : v >= level - 20))
    .map((v) => Math.abs(v - level))
    .sort((a, b) => a - b);
  const noise = Math.max(1, 1.4826 * (deviations[Math.floor(deviations.length / 2)] ?? 0));
  let clean = 0;
  for (const v of pixels) if (Math.abs(v - level) <= CLEAN_BAND) clean++;
  return { level, lightObjects, noise, cleanFraction: clean / Math.max(1, pixels.length) };
}
