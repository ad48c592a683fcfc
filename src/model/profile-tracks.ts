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
 * The cumulative cost matrix of dynamic time warping, (n + 1) × (m + 1) row-major: entry (i, j) is the
 * least total cost of aligning a's first i samples with b's first j (absolute differences). One pass of
 * plain loops over typed arrays: the pair measures run it for every pair of every prediction.
 */
function warpingCosts(a: Float32Array, b: Float32Array): Float64Array {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const cumulative = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
  cumulative[0] = 0;
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1] as number;
    const row = i * width;
    const above = row - width;
    // Entry (i, j − 1), carried along the row: the left neighbour is always the value just written.
    let left = cumulative[row] as number;
    for (let j = 1; j <= m; j++) {
      const diagonal = cumulative[above + j - 1] as number;
      const up = cumulative[above + j] as number;
      const best = diagonal < up ? (diagonal < left ? diagonal : left) : up < left ? up : left;
      left = Math.abs(ai - (b[j - 1] as number)) + best;
      cumulative[row + j] = left;
    }
  }
  return cumulative;
}

/**
 * Walks back from (n, m) along the cheapest predecessors (diagonal first, then the step that shortens
 * the first track) and returns each step's own cost, from the start. `transposed` walks the same
 * matrix as the alignment of b with a: that alignment's matrix is this one's transpose, value for value,
 * so one matrix serves both orders and only the ties are broken the other way round.
 */
function walkBack(cumulative: Float64Array, a: Float32Array, b: Float32Array, transposed: boolean): number[] {
  const width = b.length + 1;
  const steps: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    steps.push(Math.abs((a[i - 1] as number) - (b[j - 1] as number)));
    const diagonal = cumulative[(i - 1) * width + j - 1] as number;
    // "up" and "left" as the alignment being walked sees them: its first track is b when transposed.
    const shortenA = cumulative[(i - 1) * width + j] as number;
    const shortenB = cumulative[i * width + j - 1] as number;
    const up = transposed ? shortenB : shortenA;
    const left = transposed ? shortenA : shortenB;
    if (diagonal <= up && diagonal <= left) {
      i--;
      j--;
    } else if (up <= left) {
      if (transposed) j--;
      else i--;
    } else if (transposed) i--;
    else j--;
  }
  steps.reverse();
  return steps;
}

/**
 * Dynamic time warping of two tracks (absolute differences): the monotonic alignment of least total
 * cost, and the cost of each step along it from the start to the end. Monotonic is the point: a piece
 * turned round (inversion) or swapped for another chromosome's cannot be matched out of order.
 */
export function dynamicTimeWarping(a: Float32Array, b: Float32Array): { total: number; steps: number[] } {
  const cumulative = warpingCosts(a, b);
  return {
    total: cumulative[a.length * (b.length + 1) + b.length] ?? 0,
    steps: walkBack(cumulative, a, b, false),
  };
}

/**
 * The step costs of dynamicTimeWarping(a, b) and of dynamicTimeWarping(b, a), from one matrix: the
 * same values as the two calls, at half the work.
 */
export function warpingStepsBothWays(
  a: Float32Array,
  b: Float32Array,
): { readonly aThenB: number[]; readonly bThenA: number[] } {
  const cumulative = warpingCosts(a, b);
  return { aThenB: walkBack(cumulative, a, b, false), bThenA: walkBack(cumulative, a, b, true) };
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
