import { dtwDistance, meanOf, meanTrack, peakCounts, resampleTrack, varianceOf } from '../profile-tracks';
import { pearson } from '../../shared/statistics';

/** A profiled chromosome for feature extraction: 2 × 512 darkness and its length in samples. */
export interface FeatureChromosome {
  readonly profile: Float32Array;
  readonly samples: number;
}

/**
 * The hand features of the paper's LR baseline (appendix A.3) for one homologous pair: per chromosome
 * mean, variance, on- and off-peaks of the profile (as absolute differences between the homologs, so
 * the pair's order does not matter), and between the homologs DTW distance, correlation and covariance
 * (on tracks resampled to a common length). Nothing else: relative length, the strongest single cue
 * for large changes, is not among the paper's features, so the baseline stays the paper's.
 */
export function pairFeatures(a: FeatureChromosome, b: FeatureChromosome): number[] {
  const ta = meanTrack(a.profile, a.samples);
  const tb = meanTrack(b.profile, b.samples);
  const ma = meanOf(ta);
  const mb = meanOf(tb);
  const va = varianceOf(ta, ma);
  const vb = varianceOf(tb, mb);
  const pa = peakCounts(ta);
  const pb = peakCounts(tb);
  const n = 64;
  const ra = resampleTrack(ta, n);
  const rb = resampleTrack(tb, n);
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
