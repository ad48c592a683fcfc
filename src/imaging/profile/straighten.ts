import type { GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH, PROFILE_ROWS, type ChromosomeProfile } from '../../shared/profile';
import type { BinaryMask } from '../segment/mask';
import { resamplePolyline, type Point } from './medial-axis';
import { inImagingStep } from '../step-marks';

/** A chromosome and its surroundings, all arrays the size of `gray` (a crop around the chromosome). */
export interface ChromosomeRaster {
  readonly gray: GrayImage;
  /** Darkness in [0, 1] (0 = background) of each pixel of `gray`. */
  readonly darkness: Float32Array;
  /** This chromosome's pixels (neighbours removed). */
  readonly mask: BinaryMask;
  /** Distance of each of its pixels to the background, pixels. */
  readonly distance: Float32Array;
  /** Gray level shown for background in the straightened image. */
  readonly backgroundGray: number;
  /** The background `darkness` was measured from (so the raster can be made again from `gray` and `mask`). */
  readonly background: DarknessReference;
}

/** What darkness is measured from: the background's gray level and whether objects are lighter than it. */
export interface DarknessReference {
  readonly level: number;
  readonly lightObjects: boolean;
}

/** A chromosome resampled along its medial axis, with the two half-profiles the model reads. */
export interface StraightenedChromosome {
  /** Rows follow the axis from p-ter (row 0) 1 px apart; columns cross it 1 px apart, left to right. */
  readonly image: GrayImage;
  /** Profile rows: row 0 the left half, row 1 the right half, zero-padded to PROFILE_LENGTH. */
  readonly profile: ChromosomeProfile;
  /** Samples along the axis (rows of `image`, non-zero entries of each profile row). */
  readonly samples: number;
  /** True when the chromosome was longer than PROFILE_LENGTH samples and was cut off. */
  readonly truncated: boolean;
}

/** Bilinear sample of a per-pixel array; positions outside the raster read `outside`. */
function bilinear(
  values: ArrayLike<number>,
  width: number,
  height: number,
  x: number,
  y: number,
  outside: number,
): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
    // Fast path, fully inside: no bounds checks per corner.
    const i = y0 * width + x0;
    const top = (values[i] ?? 0) * (1 - fx) + (values[i + 1] ?? 0) * fx;
    const bottom = (values[i + width] ?? 0) * (1 - fx) + (values[i + width + 1] ?? 0) * fx;
    return top * (1 - fy) + bottom * fy;
  }
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    const xi = x0 + (k & 1);
    const yi = y0 + (k >> 1);
    const w = ((k & 1) === 1 ? fx : 1 - fx) * (k >> 1 === 1 ? fy : 1 - fy);
    const v =
      xi < 0 || yi < 0 || xi >= width || yi >= height ? outside : (values[yi * width + xi] ?? outside);
    sum += w * v;
  }
  return sum;
}

/**
 * Points on the axis with the unit normal pointing to the chromosome's left (image left, p-arm up), one
 * entry per point in each array.
 */
interface AxisFrames {
  readonly count: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly nx: Float64Array;
  readonly ny: Float64Array;
  /** How far from the axis this chromosome's pixels are sampled, pixels. */
  readonly halfWidth: Float64Array;
}

/**
 * Largest of `values` within ±`span` entries of each entry (and at least 0), in one pass: the window's
 * candidates are kept in decreasing order, so each entry is pushed and dropped once. Trying every entry
 * of every window took 8 samples per pixel × 20 px of window each time.
 */
function windowMaxima(values: Float64Array, span: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    const last = Math.min(n - 1, i + span);
    for (; added <= last; added++) {
      const v = values[added] ?? 0;
      while (tail > head && (values[queue[tail - 1] ?? 0] ?? 0) <= v) tail--;
      queue[tail++] = added;
    }
    while ((queue[head] ?? 0) < i - span) head++;
    out[i] = Math.max(0, values[queue[head] ?? 0] ?? 0);
  }
  return out;
}

/**
 * Axis points every `step` pixels with their left normals (tangent from points ±2 px apart) and the
 * local half-width: the largest inscribed radius within ±`window` px along the axis, so one pale or
 * pinched spot does not narrow the sampled strip, plus room for the pale rim the threshold cut off.
 */
function axisFrames(
  raster: ChromosomeRaster,
  axis: readonly Point[],
  step: number,
  window: number,
): AxisFrames {
  const { width, height } = raster.gray;
  const centres = resamplePolyline(axis, step);
  const count = centres.length;
  const reach = Math.max(1, Math.round(2 / step));
  const radii = new Float64Array(count);
  centres.forEach((c, i) => {
    radii[i] = bilinear(raster.distance, width, height, c.x, c.y, 0);
  });
  const radius = windowMaxima(radii, Math.max(1, Math.round(window / step)));
  const frames: AxisFrames = {
    count,
    x: new Float64Array(count),
    y: new Float64Array(count),
    nx: new Float64Array(count),
    ny: new Float64Array(count),
    halfWidth: new Float64Array(count),
  };
  centres.forEach((c, i) => {
    const a = centres[Math.max(0, i - reach)] ?? c;
    const b = centres[Math.min(count - 1, i + reach)] ?? c;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    frames.x[i] = c.x;
    frames.y[i] = c.y;
    // Left of the direction of travel in image coordinates (x right, y down): (−ty, tx).
    frames.nx[i] = -(b.y - a.y) / length;
    frames.ny[i] = (b.x - a.x) / length;
    frames.halfWidth[i] = Math.max(1, 1.2 * (radius[i] ?? 0) + 1.5);
  });
  return frames;
}

/**
 * Straightens a chromosome. Profiles: at every `step` pixels of the axis, the line perpendicular to it
 * is sampled every half pixel (bilinear); only pixels of this chromosome within its local half-width
 * count, so the inner side of a bend and a touching neighbour do not leak in. The left half (image left
 * when the p-arm is up) gives profile row 0, the right half row 1: the mean darkness of its pixels.
 * Image: the same resampling on a 1-pixel grid (rows 1 px of axis apart, p-ter at row 0), for review.
 *
 * @param axis medial axis in raster pixels, p-ter first
 * @param step pixels of axis per profile sample (1 / samples per pixel of the cell's common scale)
 * @param halfWidth how far the image reaches on each side of the axis, pixels
 */
export function straightenChromosome(
  raster: ChromosomeRaster,
  axis: readonly Point[],
  step: number,
  halfWidth: number,
): StraightenedChromosome {
  const { gray, darkness, mask } = raster;
  const { width, height } = gray;
  const frames = axisFrames(raster, axis, step, halfWidth);
  const samples = frames.count;
  const profile = new Float32Array(PROFILE_ROWS * PROFILE_LENGTH);
  const across = 0.5;
  for (let i = 0; i < Math.min(samples, PROFILE_LENGTH); i++) {
    const fx = frames.x[i] ?? 0;
    const fy = frames.y[i] ?? 0;
    const nx = frames.nx[i] ?? 0;
    const ny = frames.ny[i] ?? 0;
    const localHalf = frames.halfWidth[i] ?? 0;
    let leftSum = 0;
    let leftWeight = 0;
    let rightSum = 0;
    let rightWeight = 0;
    for (let offset = across; offset <= localHalf; offset += across) {
      const dx = offset * nx;
      const dy = offset * ny;
      // Left (+offset along the normal), then right (f − v is f + (−v) to the bit). Both bilinear
      // samples are written out here with their corners found once: a helper call per sample cost half
      // of the straightening.
      for (let side = 0; side < 2; side++) {
        const x = side === 0 ? fx + dx : fx - dx;
        const y = side === 0 ? fy + dy : fy - dy;
        const x0 = Math.floor(x);
        const y0 = Math.floor(y);
        let weight: number;
        let dark = 0;
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
          const ffx = x - x0;
          const ffy = y - y0;
          const j = y0 * width + x0;
          const m = mask.data;
          const top = (m[j] ?? 0) * (1 - ffx) + (m[j + 1] ?? 0) * ffx;
          const bottom = (m[j + width] ?? 0) * (1 - ffx) + (m[j + width + 1] ?? 0) * ffx;
          weight = top * (1 - ffy) + bottom * ffy;
          if (weight < 0.5) continue;
          const darkTop = (darkness[j] ?? 0) * (1 - ffx) + (darkness[j + 1] ?? 0) * ffx;
          const darkBottom = (darkness[j + width] ?? 0) * (1 - ffx) + (darkness[j + width + 1] ?? 0) * ffx;
          dark = darkTop * (1 - ffy) + darkBottom * ffy;
        } else {
          weight = bilinear(mask.data, width, height, x, y, 0);
          if (weight < 0.5) continue;
          dark = bilinear(darkness, width, height, x, y, 0);
        }
        if (side === 0) {
          leftSum += dark * weight;
          leftWeight += weight;
        } else {
          rightSum += dark * weight;
          rightWeight += weight;
        }
      }
    }
    profile[i] = leftWeight > 0 ? leftSum / leftWeight : 0;
    profile[PROFILE_LENGTH + i] = rightWeight > 0 ? rightSum / rightWeight : 0;
  }
  return {
    image: inImagingStep('straightened image', () => straightenedImage(raster, axis, halfWidth)),
    profile,
    samples: Math.min(samples, PROFILE_LENGTH),
    truncated: samples > PROFILE_LENGTH,
  };
}

/** The straightened gray image on a 1-pixel grid; pixels outside the chromosome show background. */
function straightenedImage(raster: ChromosomeRaster, axis: readonly Point[], halfWidth: number): GrayImage {
  const { gray, mask } = raster;
  const { width, height } = gray;
  const frames = axisFrames(raster, axis, 1, halfWidth);
  const side = Math.max(1, Math.ceil(halfWidth));
  const columns = 2 * side + 1;
  const pixels = new Uint8Array(columns * frames.count).fill(raster.backgroundGray);
  for (let row = 0; row < frames.count; row++) {
    const fx = frames.x[row] ?? 0;
    const fy = frames.y[row] ?? 0;
    const nx = frames.nx[row] ?? 0;
    const ny = frames.ny[row] ?? 0;
    const localHalf = frames.halfWidth[row] ?? 0;
    for (let k = 0; k < columns; k++) {
      const offset = side - k; // positive = left side, drawn on the left
      if (Math.abs(offset) > localHalf) continue;
      const x = fx + offset * nx;
      const y = fy + offset * ny;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
        // Inside: both bilinear samples written out, as in straightenChromosome.
        const fx0 = x - x0;
        const fy0 = y - y0;
        const j = y0 * width + x0;
        const m = mask.data;
        const top = (m[j] ?? 0) * (1 - fx0) + (m[j + 1] ?? 0) * fx0;
        const bottom = (m[j + width] ?? 0) * (1 - fx0) + (m[j + width + 1] ?? 0) * fx0;
        if (top * (1 - fy0) + bottom * fy0 < 0.5) continue;
        const g = gray.pixels;
        const grayTop = (g[j] ?? 0) * (1 - fx0) + (g[j + 1] ?? 0) * fx0;
        const grayBottom = (g[j + width] ?? 0) * (1 - fx0) + (g[j + width + 1] ?? 0) * fx0;
        pixels[row * columns + k] = Math.round(grayTop * (1 - fy0) + grayBottom * fy0);
        continue;
      }
      if (bilinear(mask.data, width, height, x, y, 0) < 0.5) continue;
      pixels[row * columns + k] = Math.round(
        bilinear(gray.pixels, width, height, x, y, raster.backgroundGray),
      );
    }
  }
  return { width: columns, height: frames.count, pixels };
}
