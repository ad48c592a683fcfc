import { PROFILE_LENGTH } from '../../shared/profile';
import { pearson } from '../../shared/statistics';

/** A profiled chromosome for feature extraction: 2 × 512 darkness and its length in samples. */
export interface FeatureChromosome {
  readonly profile: Float32Array;
  readonly samples: number;
}

/** Mean of both rows along the chromosome (length `samples`). */
function meanTrack(c: FeatureChromosome): Float32Array {
  const n = Math.max(1, Math.min(PROFILE_LENGTH, c.samples));
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 0.5 * ((c.profile[i] ?? 0) + (c.profile[PROFILE_LENGTH + i] ?? 0));
  return out;
}

function meanOf(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v;
  return s / Math.max(1, x.length);
}

function varianceOf(x: Float32Array, mean: number): number {
  let s = 0;
  for (const v of x) s += (v - mean) ** 2;
  return s / Math.max(1, x.length);
}

/** Local maxima ("on-peaks") and minima ("off-peaks") that stand out by `prominence`. */
function peakCounts(x: Float32Array, prominence = 0.05): { on: number; off: number } {
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

/** Resamples a track to `n` points (linear), so tracks of different lengths can be compared. */
function resample(x: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = (i * (x.length - 1)) / Math.max(1, n - 1);
    const i0 = Math.floor(t);
    const i1 = Math.min(x.length - 1, i0 + 1);
    out[i] = (x[i0] ?? 0) * (1 - (t - i0)) + (x[i1] ?? 0) * (t - i0);
  }
  return out;
}

/** Dynamic time warping distance (absolute differences), normalised by the path length bound. */
export function dtwDistance(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  const m = b.length;
  let previous = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
  previous[0] = 0;
  for (let i = 1; i <= n; i++) {
    const current = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    for (let j = 1; j <= m; j++) {
      const cost = Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0));
      current[j] =
        cost + Math.min(previous[j] ?? Infinity, current[j - 1] ?? Infinity, previous[j - 1] ?? Infinity);
    }
    previous = current;
  }
  return (previous[m] ?? 0) / (n + m);
}

/**
 * The hand features of the paper's LR baseline (appendix A.3) for one homologous pair: per chromosome
 * mean, variance, on- and off-peaks of the profile (as absolute differences between the homologs, so
 * the pair's order does not matter), and between the homologs DTW distance, correlation and covariance
 * (on tracks resampled to a common length). Nothing else: relative length, the strongest single cue
 * for large changes, is not among the paper's features, so the baseline stays the paper's.
 */
export function pairFeatures(a: FeatureChromosome, b: FeatureChromosome): number[] {
  const ta = meanTrack(a);
  const tb = meanTrack(b);
  const ma = meanOf(ta);
  const mb = meanOf(tb);
  const va = varianceOf(ta, ma);
  const vb = varianceOf(tb, mb);
  const pa = peakCounts(ta);
  const pb = peakCounts(tb);
  const n = 64;
  const ra = resample(ta, n);
  const rb = resample(tb, n);
  const mra = meanOf(ra);
  const mrb = meanOf(rb);
  let cov = 0;
  for (let i = 0; i < n; i++) cov += ((ra[i] ?? 0) - mra) * ((rb[i] ?? 0) - mrb);
  cov /= n;
  const correlation = pearson(ra, rb);
  return [
    Math.abs(ma - mb),
    Math.abs(va - vb),
    Math.abs(pa.on - pb.on),
    Math.abs(pa.off - pb.off),
    dtwDistance(ra, rb),
    correlation,
    cov,
  ];
}

/** Bag features: the mean of its pairs' features (the LR baseline has no learned pooling). */
export function bagFeatures(pairs: readonly (readonly [FeatureChromosome, FeatureChromosome])[]): number[] {
  const rows = pairs.map(([a, b]) => pairFeatures(a, b));
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length);
}
