import type { GrayImage } from '../shared/gray-image';
import type { Random } from '../shared/random';
import { createFloatImage, blurFloatImage, cropGray, inkBounds } from './float-image';
import type { FloatImage } from './float-image';
import { axisProfiles } from './axis-profiles';
import type { AxisProfiles } from './axis-profiles';
import { bendShifts, curlShifts } from './bend';
import { addDebris } from './debris';
import type { StainTrack } from './stain-track';

/** How to draw one chromosome. Lengths in pixels unless stated. */
export interface ChromosomeRenderOptions {
  /** Scale along the axis: pixels per ISCN length unit (chromosome 1 has 15,100 units). */
  readonly pixelsPerUnit: number;
  /** Width of both sister chromatids together. */
  readonly widthPx: number;
  /** Gaussian σ of band edges along the axis. */
  readonly bandBlurPx: number;
  /** Standard deviation of pixel noise on the chromosome, in gray levels (0–255). Default 4. */
  readonly noiseGray?: number;
  /** Whether to bend the chromosome gently (default true). */
  readonly bend?: boolean;
  /** Curl it into one strong C instead of the gentle bend (default false). */
  readonly curl?: boolean;
  /** Gaussian σ of the optical blur of the whole image. Default 0.9. */
  readonly blurPx?: number;
}

/** One drawn chromosome, upright with p-ter on top, plus what is needed to check an image pipeline. */
export interface RenderedChromosome {
  /** Tight crop: chromosome dark on 255. */
  readonly image: GrayImage;
  /** Row of p-ter in `image`, pixels. */
  readonly axisTop: number;
  /** Axis length p-ter → q-ter, pixels (rows of the straight chromosome). */
  readonly axisLengthPx: number;
  /**
   * Noise-free darkness of the left and right halves (row 0 left, row 1 right) at each axis pixel from
   * p-ter, row-major 2 × axisLengthPx, in [0, 1]: the profile a perfect pipeline would measure.
   */
  readonly halfMeans: Float32Array;
  /**
   * Column of the medial axis in `image` (pixels, sub-pixel) at each axis pixel from p-ter, i.e. at image
   * rows axisTop … axisTop + axisLengthPx − 1; the left half lies at smaller x.
   */
  readonly axisX: Float32Array;
}

/**
 * Draws the chromosome of `track`: two sister chromatids (round in section, so a pale groove shows between
 * them) that narrow at the centromere and end in rounded telomeres, stalks drawn thin, band darkness
 * from the stain with blurred edges, uneven staining of the two chromatids, length and width jitter,
 * a gentle bend, optical blur and pixel noise. All randomness comes from `random`.
 */
export function renderChromosome(
  track: StainTrack,
  options: ChromosomeRenderOptions,
  random: Random,
): RenderedChromosome {
  const lengthPx = Math.max(
    8,
    Math.round(track.length * options.pixelsPerUnit * (1 + 0.03 * random.normal())),
  );
  const widthPx = options.widthPx * (1 + 0.05 * random.normal());
  const axis = axisProfiles(track, lengthPx, widthPx, options.bandBlurPx, random);
  const { straight, halfMeans, pad } = drawStraight(axis, lengthPx, widthPx);
  addDebris(straight, pad, lengthPx, widthPx, random);
  const shifts =
    options.curl === true
      ? curlShifts(straight.height, pad, lengthPx, random)
      : options.bend === false
        ? new Float32Array(straight.height)
        : bendShifts(straight.height, pad, lengthPx, random);
  const bent = applyShifts(straight, shifts);
  const blurred = blurFloatImage(bent.image, options.blurPx ?? 0.9);
  const gray = toGray(blurred, options.noiseGray ?? 4, random);
  const box = inkBounds(gray, 250, 2);
  const axisX = new Float32Array(lengthPx);
  for (let row = 0; row < lengthPx; row++) {
    axisX[row] = straight.width / 2 + (shifts[row + pad] ?? 0) - bent.minShift - box.x;
  }
  const image = cropGray(gray, box);
  return { image, axisTop: pad - box.y, axisLengthPx: lengthPx, halfMeans, axisX };
}

/** Paints the unbent chromosome, axis vertical through the image centre, rows = axis pixels + padding. */
function drawStraight(
  axis: AxisProfiles,
  lengthPx: number,
  widthPx: number,
): { straight: FloatImage; halfMeans: Float32Array; pad: number } {
  const pad = Math.ceil(widthPx / 2) + 3;
  const width = Math.ceil(widthPx) + 2 * pad;
  const straight = createFloatImage(width, lengthPx + 2 * pad);
  const halfMeans = new Float32Array(2 * lengthPx);
  const centre = width / 2;
  const chromatidRadius = widthPx / 4;
  for (let row = 0; row < lengthPx; row++) {
    const t = row + 0.5;
    // Rounded telomeres: near an end the pair of chromatids shrinks under one dome of half the
    // chromosome's width, so the tip is round rather than two separate bumps.
    const dome = widthPx / 2;
    const fromEnd = Math.min(t, lengthPx - t);
    const taper = fromEnd < dome ? Math.sqrt(Math.max(0, dome * dome - (dome - fromEnd) ** 2)) / dome : 1;
    const r = chromatidRadius * (axis.widthFactor[row] ?? 1) * taper;
    if (r <= 0.05) continue;
    const offset = r * (axis.separation[row] ?? 0.9); // near 1: the groove shows as a pale line after blur
    const sums = [0, 0];
    const counts = [0, 0];
    for (let x = 0; x < width; x++) {
      const s = x + 0.5 - centre;
      let clear = 1;
      let covered = false;
      for (let k = 0; k < 2; k++) {
        const u = (s - (k === 0 ? -offset : offset)) / r;
        if (Math.abs(u) >= 1) continue;
        covered = true;
        const stain = k === 0 ? axis.left[row] : axis.right[row];
        clear *= 1 - (1 - u * u) ** 0.4 * (stain ?? 0);
      }
      if (!covered) continue;
      const darkness = 1 - clear;
      straight.data[(row + pad) * width + x] = darkness;
      const half = s < 0 ? 0 : 1;
      sums[half] = (sums[half] ?? 0) + darkness;
      counts[half] = (counts[half] ?? 0) + 1;
    }
    halfMeans[row] = (sums[0] ?? 0) / Math.max(1, counts[0] ?? 0);
    halfMeans[lengthPx + row] = (sums[1] ?? 0) / Math.max(1, counts[1] ?? 0);
  }
  return { straight, halfMeans, pad };
}

/** Moves each row sideways by `shifts[row]` pixels (linear interpolation), widening the image to fit. */
function applyShifts(image: FloatImage, shifts: Float32Array): { image: FloatImage; minShift: number } {
  let min = 0;
  let max = 0;
  for (const s of shifts) {
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  const extra = Math.ceil(max - min) + 1;
  const out = createFloatImage(image.width + extra, image.height);
  for (let y = 0; y < image.height; y++) {
    const shift = (shifts[y] ?? 0) - min;
    for (let x = 0; x < out.width; x++) {
      const sx = x - shift;
      const x0 = Math.floor(sx);
      const f = sx - x0;
      const a = x0 >= 0 && x0 < image.width ? (image.data[y * image.width + x0] ?? 0) : 0;
      const b = x0 + 1 >= 0 && x0 + 1 < image.width ? (image.data[y * image.width + x0 + 1] ?? 0) : 0;
      out.data[y * out.width + x] = a * (1 - f) + b * f;
    }
  }
  return { image: out, minShift: min };
}

/** Darkness → 8-bit gray with Gaussian noise on the chromosome only (the background stays 255). */
function toGray(image: FloatImage, noiseGray: number, random: Random): GrayImage {
  const pixels = new Uint8Array(image.width * image.height);
  for (let i = 0; i < pixels.length; i++) {
    const d = image.data[i] ?? 0;
    const noise = d > 0.03 ? noiseGray * Math.min(1, d * 4) * random.normal() : 0;
    pixels[i] = Math.max(0, Math.min(255, Math.round(255 * (1 - d) + noise)));
  }
  return { width: image.width, height: image.height, pixels };
}
