import type { GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH, type ChromosomeProfile } from '../../shared/profile';
import { median } from '../../shared/statistics';

/**
 * What the type classifier reads of one chromosome: three tracks along its length, resampled to
 * TRACK_POINTS points from one end to the other whatever its size (the left half's darkness, the right
 * half's darkness, its width), and a few figures relative to its cell (a metaphase has no scale: a
 * chromosome 1 of one cell can be shorter than a chromosome 12 of another, never than one of its own).
 */
export interface TypeFeatures {
  /** TRACK_POINTS × TRACK_CHANNELS values, point-major (point 0's three channels first). */
  readonly tracks: Float32Array;
  /** CELL_FIGURES values: see {@link CELL_FIGURE_NAMES}. */
  readonly figures: Float32Array;
}

/** Points along the chromosome each track is resampled to. */
export const TRACK_POINTS = 64;

/** Channels per point: left-half darkness, right-half darkness, width. */
export const TRACK_CHANNELS = 3;

/** The per-chromosome figures, each relative to the cell's median chromosome. */
export const CELL_FIGURE_NAMES = [
  'length (× cell median)',
  'log length (× cell median)',
  'mean width (× cell median)',
  'mean darkness (× cell median)',
] as const;

export const CELL_FIGURES = CELL_FIGURE_NAMES.length;

/** One chromosome as the classifier needs it: its profile and straightened image as imaging made them. */
export interface ChromosomeShape {
  /** 2 × PROFILE_LENGTH darkness, left half then right half, zero after the last sample. */
  readonly profile: ChromosomeProfile;
  /** Profile samples before the zero padding (all chromosomes of a cell share one scale). */
  readonly samples: number;
  /** Rows along the centre line 1 px apart, pixels off the chromosome at the background's gray. */
  readonly straightened: GrayImage;
}

/** Per-chromosome raw measures before they are made relative to the cell. */
interface RawShape {
  readonly left: Float32Array;
  readonly right: Float32Array;
  /** Width in pixels at each track point. */
  readonly width: Float32Array;
  readonly samples: number;
  readonly meanWidth: number;
  readonly meanDarkness: number;
}

/** `values[0..count)` linearly resampled to `points` values spread from the first to the last. */
function resampleTrack(values: ArrayLike<number>, count: number, points: number): Float32Array {
  const out = new Float32Array(points);
  if (count <= 0) return out;
  if (count === 1) return out.fill(values[0] ?? 0);
  for (let i = 0; i < points; i++) {
    const at = (i * (count - 1)) / (points - 1);
    const low = Math.floor(at);
    const high = Math.min(count - 1, low + 1);
    const t = at - low;
    out[i] = (values[low] ?? 0) * (1 - t) + (values[high] ?? 0) * t;
  }
  return out;
}

/**
 * The gray that stands for "not the chromosome" in a straightened image: the most common value of its
 * outermost columns, which lie beyond the chromosome's half-width on nearly every row.
 */
function backgroundGrayOf(image: GrayImage): number {
  const counts = new Uint32Array(256);
  for (let row = 0; row < image.height; row++) {
    for (const col of [0, image.width - 1]) {
      const gray = image.pixels[row * image.width + col] ?? 0;
      counts[gray] = (counts[gray] ?? 0) + 1;
    }
  }
  let best = 0;
  for (let gray = 1; gray < 256; gray++) if ((counts[gray] ?? 0) > (counts[best] ?? 0)) best = gray;
  return best;
}

/** Chromosome pixels on each row of a straightened image (pixels that are not the background's gray). */
function rowWidths(image: GrayImage): Float32Array {
  const background = backgroundGrayOf(image);
  const widths = new Float32Array(image.height);
  for (let row = 0; row < image.height; row++) {
    let count = 0;
    for (let col = 0; col < image.width; col++)
      if (image.pixels[row * image.width + col] !== background) count++;
    widths[row] = count;
  }
  return widths;
}

function mean(values: ArrayLike<number>, count = values.length): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i] ?? 0;
  return count > 0 ? sum / count : 0;
}

function rawShape(chromosome: ChromosomeShape): RawShape {
  const samples = Math.max(1, Math.min(PROFILE_LENGTH, chromosome.samples));
  const leftRow = chromosome.profile.subarray(0, PROFILE_LENGTH);
  const rightRow = chromosome.profile.subarray(PROFILE_LENGTH, 2 * PROFILE_LENGTH);
  const widths = rowWidths(chromosome.straightened);
  return {
    left: resampleTrack(leftRow, samples, TRACK_POINTS),
    right: resampleTrack(rightRow, samples, TRACK_POINTS),
    width: resampleTrack(widths, widths.length, TRACK_POINTS),
    samples,
    meanWidth: mean(widths),
    meanDarkness: (mean(leftRow, samples) + mean(rightRow, samples)) / 2,
  };
}

const positive = (value: number): number => (value > 1e-6 ? value : 1e-6);

/**
 * The classifier's inputs for every chromosome of one cell, in the given order. Darkness is divided by
 * the cell's median darkness and width by its median width, so that staining and magnification of one
 * lab or one slide do not move them; length is relative to the cell's median length.
 */
export function cellTypeFeatures(chromosomes: readonly ChromosomeShape[]): TypeFeatures[] {
  const raw = chromosomes.map(rawShape);
  const medianSamples = positive(median(raw.map((r) => r.samples)));
  const medianWidth = positive(median(raw.map((r) => r.meanWidth)));
  const medianDarkness = positive(median(raw.map((r) => r.meanDarkness)));
  return raw.map((r) => {
    const tracks = new Float32Array(TRACK_POINTS * TRACK_CHANNELS);
    for (let i = 0; i < TRACK_POINTS; i++) {
      tracks[i * TRACK_CHANNELS] = (r.left[i] ?? 0) / medianDarkness;
      tracks[i * TRACK_CHANNELS + 1] = (r.right[i] ?? 0) / medianDarkness;
      tracks[i * TRACK_CHANNELS + 2] = (r.width[i] ?? 0) / medianWidth;
    }
    const length = r.samples / medianSamples;
    const figures = Float32Array.of(
      length,
      Math.log(length),
      r.meanWidth / medianWidth,
      r.meanDarkness / medianDarkness,
    );
    return { tracks, figures };
  });
}

/**
 * The same chromosome turned by 180°: the tracks read from the other end, left and right halves
 * swapped. A metaphase has no "up", so the classifier sees both and must not care which.
 */
export function turnedFeatures(features: TypeFeatures): TypeFeatures {
  const tracks = new Float32Array(features.tracks.length);
  for (let i = 0; i < TRACK_POINTS; i++) {
    const from = (TRACK_POINTS - 1 - i) * TRACK_CHANNELS;
    tracks[i * TRACK_CHANNELS] = features.tracks[from + 1] ?? 0;
    tracks[i * TRACK_CHANNELS + 1] = features.tracks[from] ?? 0;
    tracks[i * TRACK_CHANNELS + 2] = features.tracks[from + 2] ?? 0;
  }
  return { tracks, figures: features.figures };
}
