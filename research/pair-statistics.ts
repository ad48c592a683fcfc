import type { ChromosomeType } from '../src/shared/chromosome-types';
import { PROFILE_LENGTH, type ChromosomeProfile } from '../src/shared/profile';
import { pearson, upperMedian } from '../src/shared/statistics';

/** A profiled chromosome as the statistics need it. */
export interface ProfiledForStats {
  readonly type: ChromosomeType;
  readonly homolog: number;
  readonly profile: ChromosomeProfile;
  /** Samples before the zero padding. */
  readonly samples: number;
}

/** What one chromosome type looks like to the model, summed over cells. */
export interface TypeStats {
  /** Length in samples relative to the cell's chromosome 1 (mean of its homologs). */
  readonly relativeLength: number[];
  /** |length 0 − length 1| / mean length of a pair. */
  readonly homologLengthDifference: number[];
  /** Pearson r of the two homologs' mean profiles after stretching one to the other's length. */
  readonly homologCorrelation: number[];
  /** Mean darkness of the mean profile, [0, 1]. */
  readonly darkness: number[];
  /** Standard deviation of the mean profile along the axis (band contrast), darkness units. */
  readonly contrast: number[];
  /** Mean |left − right| over the axis, darkness units (how different the two halves are). */
  readonly halfDifference: number[];
}

export function emptyStats(): TypeStats {
  return {
    relativeLength: [],
    homologLengthDifference: [],
    homologCorrelation: [],
    darkness: [],
    contrast: [],
    halfDifference: [],
  };
}

/** Mean of both rows over the first `samples` values. */
export function meanTrack(c: ProfiledForStats): Float32Array {
  const out = new Float32Array(c.samples);
  for (let i = 0; i < c.samples; i++)
    out[i] = 0.5 * ((c.profile[i] ?? 0) + (c.profile[PROFILE_LENGTH + i] ?? 0));
  return out;
}

/** `values` stretched linearly to `n` values. */
export function stretch(values: ArrayLike<number>, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = (i * (values.length - 1)) / Math.max(1, n - 1);
    const k = Math.floor(t);
    const a = values[k] ?? 0;
    const b = values[Math.min(values.length - 1, k + 1)] ?? 0;
    out[i] = a * (1 - (t - k)) + b * (t - k);
  }
  return out;
}

function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return values.length > 0 ? s / values.length : 0;
}

/** Adds the chromosomes of one cell to `stats` (keyed by type). */
export function addCell(
  stats: Map<ChromosomeType, TypeStats>,
  chromosomes: readonly ProfiledForStats[],
): void {
  const ones = chromosomes.filter((c) => c.type === '1');
  const oneLength = mean(ones.map((c) => c.samples));
  const byType = new Map<ChromosomeType, ProfiledForStats[]>();
  for (const c of chromosomes) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  for (const [type, copies] of byType) {
    const s = stats.get(type) ?? emptyStats();
    stats.set(type, s);
    for (const c of copies) {
      const track = meanTrack(c);
      const m = mean(track);
      s.relativeLength.push(oneLength > 0 ? c.samples / oneLength : Number.NaN);
      s.darkness.push(m);
      s.contrast.push(Math.sqrt(mean(track.map((v) => (v - m) ** 2))));
      let half = 0;
      for (let i = 0; i < c.samples; i++)
        half += Math.abs((c.profile[i] ?? 0) - (c.profile[PROFILE_LENGTH + i] ?? 0));
      s.halfDifference.push(half / Math.max(1, c.samples));
    }
    const [a, b] = copies;
    if (copies.length === 2 && a && b) {
      s.homologLengthDifference.push(Math.abs(a.samples - b.samples) / (0.5 * (a.samples + b.samples)));
      const ta = meanTrack(a);
      s.homologCorrelation.push(pearson(ta, stretch(meanTrack(b), ta.length)));
    }
  }
}

/** The upper median of the finite values (NaN when there are none). */
export function finiteUpperMedian(values: readonly number[]): number {
  return upperMedian(values.filter((v) => Number.isFinite(v)));
}

/** Medians of every statistic, rounded to 3 decimals. */
export function summarise(s: TypeStats): Record<keyof TypeStats, number> {
  const r = (v: number): number => Math.round(1000 * v) / 1000;
  return {
    relativeLength: r(finiteUpperMedian(s.relativeLength)),
    homologLengthDifference: r(finiteUpperMedian(s.homologLengthDifference)),
    homologCorrelation: r(finiteUpperMedian(s.homologCorrelation)),
    darkness: r(finiteUpperMedian(s.darkness)),
    contrast: r(finiteUpperMedian(s.contrast)),
    halfDifference: r(finiteUpperMedian(s.halfDifference)),
  };
}
