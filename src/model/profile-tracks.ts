import type { ChromosomeProfile } from '../shared/profile';
import { PROFILE_LENGTH } from '../shared/profile';

/** Samples of a profile that hold the chromosome, from p-ter to the last non-zero one (the rest is padding). */
export function chromosomeSamples(profile: ChromosomeProfile): number {
  for (let i = PROFILE_LENGTH - 1; i >= 0; i--) {
    if ((profile[i] ?? 0) > 0 || (profile[PROFILE_LENGTH + i] ?? 0) > 0) return i + 1;
  }
  return 1;
}

/** Mean of both rows (left and right half) over the first `samples` samples: one darkness per sample. */
export function meanTrack(profile: ChromosomeProfile, samples: number): Float32Array {
  const n = Math.max(1, Math.min(PROFILE_LENGTH, samples));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 0.5 * ((profile[i] ?? 0) + (profile[PROFILE_LENGTH + i] ?? 0));
  return out;
}

/** Resamples a track to `n` points (linear), so that tracks of different lengths can be compared. */
export function resampleTrack(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = (i * (x.length - 1)) / Math.max(1, n - 1);
    const i0 = Math.floor(t);
    const i1 = Math.min(x.length - 1, i0 + 1);
    out[i] = (x[i0] ?? 0) * (1 - (t - i0)) + (x[i1] ?? 0) * (t - i0);
  }
  return out;
}

/**
 * Dynamic time warping of two tracks (absolute differences): the monotonic alignment of least total
 * cost, and the cost of each step along it from the start to the end. Monotonic is the point: a piece
 * turned round (inversion) or swapped for another chromosome's cannot be matched out of order.
 */
export function dynamicTimeWarping(a: Float32Array, b: Float32Array): { total: number; steps: number[] } {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const cumulative = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
  cumulative[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0));
      const best = Math.min(
        cumulative[(i - 1) * width + j] ?? Infinity,
        cumulative[i * width + j - 1] ?? Infinity,
        cumulative[(i - 1) * width + j - 1] ?? Infinity,
      );
      cumulative[i * width + j] = cost + best;
    }
  }
  // Walk back from (n, m) along the cheapest predecessors to recover each step's own cost.
  const steps: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    steps.push(Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0)));
    const diagonal = cumulative[(i - 1) * width + j - 1] ?? Infinity;
    const up = cumulative[(i - 1) * width + j] ?? Infinity;
    const left = cumulative[i * width + j - 1] ?? Infinity;
    if (diagonal <= up && diagonal <= left) {
      i--;
      j--;
    } else if (up <= left) i--;
    else j--;
  }
  steps.reverse();
  return { total: cumulative[n * width + m] ?? 0, steps };
}

/** DTW distance (absolute differences), normalised by the path length bound n + m. */
export function dtwDistance(a: Float32Array, b: Float32Array): number {
  return dynamicTimeWarping(a, b).total / (a.length + b.length);
}

/** Mean of a track (0 for an empty one). */
export function meanOf(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / Math.max(1, x.length);
}

/** Population variance of a track around `mean`. */
export function varianceOf(x: Float32Array, mean: number): number {
  let s = 0;
  for (const v of x) s += (v - mean) ** 2;
  return s / Math.max(1, x.length);
}

/** Local maxima ("on-peaks") and minima ("off-peaks") that stand out by `prominence`. */
export function peakCounts(x: Float32Array, prominence = 0.05): { on: number; off: number } {
  let on = 0;
  let off = 0;
  for (let i = 2; i < x.length - 2; i++) {
    const v = x[i] ?? 0;
    const left = Math.min(x[i - 1] ?? 0, x[i - 2] ?? 0);
    const right = Math.min(x[i + 1] ?? 0, x[i + 2] ?? 0);
    const leftMax = Math.max(x[i - 1] ?? 0, x[i - 2] ?? 0);
    const rightMax = Math.max(x[i + 1] ?? 0, x[i + 2] ?? 0);
    if (v >= leftMax && v > rightMax && v - Math.max(left, right) >= prominence) on++;
    if (v <= left && v < right && Math.min(leftMax, rightMax) - v >= prominence) off++;
  }
  return { on, off };
}
