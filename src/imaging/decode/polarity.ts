import type { GrayImage } from '../../shared/gray-image';

/**
 * `dark-on-light`: dark chromosomes on a light background (G-banding, brightfield).
 * `light-on-dark`: bright chromosomes on a dark background (Q-banding, DAPI fluorescence).
 */
export type Polarity = 'dark-on-light' | 'light-on-dark';

/** What {@link detectPolarity} concluded and how sure it is. */
export interface PolarityEstimate {
  readonly polarity: Polarity;
  /**
   * In [0, 1]: how lopsided the foreground is, |darker − brighter| / (darker + brighter) over pixels
   * clearly off the background. 0 for a blank image (the polarity is then the default, dark-on-light).
   */
  readonly confidence: number;
  /** The background gray level (0–255) the decision was measured against. */
  readonly background: number;
}

/** Gray levels a pixel must differ from the background by to count as foreground. */
const FOREGROUND_CONTRAST = 32;
/** Half-width, in gray levels, of the box filter that smooths the histogram before taking its mode. */
const SMOOTHING = 4;
/** Below this fraction of foreground pixels the image is taken as blank. */
const MIN_FOREGROUND_FRACTION = 0.001;

/** The histogram of the image minus a 5 % margin on each side, where frames and scanner edges live. */
function interiorHistogram(image: GrayImage): { histogram: Uint32Array; count: number } {
  const { width, height, pixels } = image;
  const marginX = width >= 40 ? Math.floor(width * 0.05) : 0;
  const marginY = height >= 40 ? Math.floor(height * 0.05) : 0;
  const histogram = new Uint32Array(256);
  for (let y = marginY; y < height - marginY; y++) {
    for (let x = marginX, at = y * width + marginX; x < width - marginX; x++, at++) {
      const value = pixels[at] ?? 0;
      histogram[value] = (histogram[value] ?? 0) + 1;
    }
  }
  return { histogram, count: (width - 2 * marginX) * (height - 2 * marginY) };
}

/** The most frequent level after box smoothing: the background, which is a narrow, dominant peak. */
function backgroundLevel(histogram: Uint32Array): number {
  let best = 0;
  let bestMass = -1;
  for (let level = 0; level < 256; level++) {
    let mass = 0;
    for (let offset = -SMOOTHING; offset <= SMOOTHING; offset++) mass += histogram[level + offset] ?? 0;
    if (mass > bestMass) {
      bestMass = mass;
      best = level;
    }
  }
  // The smoothed peak is flat near saturation (a white page piles up in bin 255); take its tallest bin.
  let peak = best;
  for (let level = Math.max(0, best - SMOOTHING); level <= Math.min(255, best + SMOOTHING); level++) {
    if ((histogram[level] ?? 0) > (histogram[peak] ?? 0)) peak = level;
  }
  return peak;
}

/**
 * Tells G-band-like images (dark on light) from Q-band/DAPI-like ones (light on dark) by finding the
 * background as the dominant gray level, then asking whether the pixels clearly off it are mostly darker
 * or mostly brighter. Relative to the background rather than to mid-gray, so a dim DAPI image or a
 * yellowed scan is still judged right. Text and rule lines are small next to the chromosomes, and a
 * 5 % margin is ignored, so frames drawn around the image do not sway the result.
 */
export function detectPolarity(image: GrayImage): PolarityEstimate {
  const { histogram, count } = interiorHistogram(image);
  const background = backgroundLevel(histogram);
  let darker = 0;
  let brighter = 0;
  for (let level = 0; level < 256; level++) {
    if (level < background - FOREGROUND_CONTRAST) darker += histogram[level] ?? 0;
    else if (level > background + FOREGROUND_CONTRAST) brighter += histogram[level] ?? 0;
  }
  const foreground = darker + brighter;
  if (foreground < Math.max(1, count * MIN_FOREGROUND_FRACTION)) {
    return { polarity: 'dark-on-light', confidence: 0, background };
  }
  return {
    polarity: darker >= brighter ? 'dark-on-light' : 'light-on-dark',
    confidence: Math.abs(darker - brighter) / foreground,
    background,
  };
}

/**
 * One polarity for a set of images that must share it, such as the crops of one cell: a vote of the
 * images' own estimates, weighted by their confidence. Tight crops, where the chromosome covers most of
 * the picture, can fool the single-image estimate (about 0.8 % of the pki3 crops do); the vote of a
 * cell's 46 crops does not. Confidence is |weighted balance| / number of images, background the median.
 */
export function detectSharedPolarity(images: readonly GrayImage[]): PolarityEstimate {
  const estimates = images.map(detectPolarity);
  const balance = estimates.reduce(
    (sum, estimate) =>
      sum + (estimate.polarity === 'light-on-dark' ? estimate.confidence : -estimate.confidence),
    0,
  );
  const backgrounds = estimates.map((estimate) => estimate.background).sort((left, right) => left - right);
  return {
    polarity: balance > 0 ? 'light-on-dark' : 'dark-on-light',
    confidence: estimates.length === 0 ? 0 : Math.abs(balance) / estimates.length,
    background: backgrounds[Math.floor(backgrounds.length / 2)] ?? 255,
  };
}

/** A copy of the image with every gray level inverted (0 ↔ 255). */
export function invertGray(image: GrayImage): GrayImage {
  const pixels = new Uint8Array(image.pixels.length);
  for (let index = 0; index < pixels.length; index++) pixels[index] = 255 - (image.pixels[index] ?? 0);
  return { width: image.width, height: image.height, pixels };
}

/** Result of {@link normalisePolarity}. */
export interface PolarityNormalised {
  /** Dark chromosomes on a light background; the input itself when no inversion was needed. */
  readonly image: GrayImage;
  readonly inverted: boolean;
  readonly estimate: PolarityEstimate;
}

/**
 * Returns the image as dark-on-light (background white-ish), inverting a light-on-dark one. An image
 * whose estimate is less confident than `minConfidence` (in [0, 1]) is left as it is, since G-banding,
 * the common case, is already dark-on-light.
 */
export function normalisePolarity(
  image: GrayImage,
  options: { readonly minConfidence?: number } = {},
): PolarityNormalised {
  const estimate = detectPolarity(image);
  const invert =
    estimate.polarity === 'light-on-dark' && estimate.confidence >= (options.minConfidence ?? 0.2);
  return { image: invert ? invertGray(image) : image, inverted: invert, estimate };
}
