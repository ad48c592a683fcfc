import { BAND_LEVELS, type BandLevel, type ChromosomeType } from '../../shared/chromosome-types';
import { PROFILE_LENGTH, type ChromosomeProfile } from '../../shared/profile';

/** The band level of a cell and how sure the estimate is. */
export interface BandLevelEstimate {
  readonly value: BandLevel;
  /** [0, 1]; 1 for a user override. */
  readonly confidence: number;
  /** Bands (dark and light) per haploid set counted in the profiles, before rounding to a level. */
  readonly bandsPerHaploidSet: number;
  readonly overridden: boolean;
}

/** What band counting needs of one chromosome. */
export interface BandCountInput {
  readonly type: ChromosomeType;
  readonly profile: ChromosomeProfile;
  /** Samples before the zero padding. */
  readonly samples: number;
}

/** Finer than this (pixels between dark bands) a karyogram image cannot resolve bands reliably. */
const RESOLVABLE_SPACING_PX = 3;

/**
 * Dark bands of one profile: local maxima of the mean of both halves, smoothed over about half a pixel,
 * that stand out by at least `prominence` darkness from the lower of the minima on either side and are
 * at least 1.5 px apart.
 */
export function countDarkBands(profile: ChromosomeProfile, samples: number, samplesPerPixel: number): number {
  const n = Math.min(samples, PROFILE_LENGTH);
  const mean = new Float32Array(n);
  for (let i = 0; i < n; i++) mean[i] = 0.5 * ((profile[i] ?? 0) + (profile[PROFILE_LENGTH + i] ?? 0));
  const radius = Math.max(1, Math.round(0.5 * samplesPerPixel));
  const smooth = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let k = Math.max(0, i - radius); k <= Math.min(n - 1, i + radius); k++) {
      sum += mean[k] ?? 0;
      count++;
    }
    smooth[i] = sum / count;
  }
  const minSeparation = 1.5 * samplesPerPixel;
  const prominence = 0.04;
  let count = 0;
  let lastPeak = -Infinity;
  for (let i = 1; i < n - 1; i++) {
    const v = smooth[i] ?? 0;
    if (v < (smooth[i - 1] ?? 0) || v <= (smooth[i + 1] ?? 0)) continue;
    let leftMin = v;
    for (let k = i - 1; k >= 0 && (smooth[k] ?? 0) <= v; k--) leftMin = Math.min(leftMin, smooth[k] ?? 0);
    let rightMin = v;
    for (let k = i + 1; k < n && (smooth[k] ?? 0) <= v; k++) rightMin = Math.min(rightMin, smooth[k] ?? 0);
    if (v - Math.max(leftMin, rightMin) < prominence || i - lastPeak < minSeparation) continue;
    count++;
    lastPeak = i;
  }
  return count;
}

/**
 * Estimates a cell's band level (300/400/550/700) from its profiles: dark bands are counted per type
 * (mean over its copies), a haploid set's bands (dark and light) are about twice the dark ones plus one
 * per chromosome, and the nearest level on a log scale wins. Confidence falls near the boundary between
 * two levels, when the count lies far outside the range of levels, with few types profiled, and when
 * bands are closer than the image can resolve (counts are then low). An `override` from the user is returned as is, with confidence 1.
 */
export function estimateBandLevel(
  chromosomes: readonly BandCountInput[],
  samplesPerPixel: number,
  override?: BandLevel,
): BandLevelEstimate {
  const perType = new Map<ChromosomeType, { bands: number; copies: number; pixels: number }>();
  for (const c of chromosomes) {
    if (c.type === 'Y') continue; // Y is absent in half the cells and largely heterochromatic.
    const entry = perType.get(c.type) ?? { bands: 0, copies: 0, pixels: 0 };
    entry.bands += countDarkBands(c.profile, c.samples, samplesPerPixel);
    entry.copies += 1;
    entry.pixels += c.samples / samplesPerPixel;
    perType.set(c.type, entry);
  }
  let dark = 0;
  let pixels = 0;
  for (const entry of perType.values()) {
    dark += entry.bands / entry.copies;
    pixels += entry.pixels / entry.copies;
  }
  const types = perType.size;
  // Scale up to a full haploid set (22 autosomes + X) when some types are missing.
  const coverage = types / 23;
  const bands = types > 0 ? (2 * dark + types) / coverage : 0;
  const measured = Math.max(1, bands);
  let best: BandLevel = BAND_LEVELS[0];
  for (const level of BAND_LEVELS) {
    if (Math.abs(Math.log(measured / level)) < Math.abs(Math.log(measured / best))) best = level;
  }
  if (override !== undefined) {
    return { value: override, confidence: 1, bandsPerHaploidSet: bands, overridden: true };
  }
  const index = BAND_LEVELS.indexOf(best);
  const lower = BAND_LEVELS[index - 1];
  const upper = BAND_LEVELS[index + 1];
  // Distance to the nearer boundary (geometric mean with a neighbour level) relative to half a level step.
  const halfStep = (0.5 * Math.log((upper ?? best) / (lower ?? best))) / (lower && upper ? 2 : 1) || 0.15;
  const toLower = lower === undefined ? Infinity : Math.log(measured / Math.sqrt(best * lower));
  const toUpper = upper === undefined ? Infinity : Math.log(Math.sqrt(best * upper) / measured);
  const margin = Math.min(toLower, toUpper);
  let confidence = 0.5 + 0.45 * Math.min(1, Math.max(0, margin / halfStep));
  confidence *= Math.min(1, coverage + 0.2);
  // Counts far outside the range of levels were clamped to the end level: less sure.
  const outside = Math.max(0, Math.abs(Math.log(measured / best)) - 0.15);
  confidence *= Math.exp(-outside);
  const spacing = dark > 0 ? pixels / dark : Infinity;
  if (spacing < RESOLVABLE_SPACING_PX) confidence *= 0.6;
  return {
    value: best,
    confidence: Math.min(1, Math.max(0, confidence)),
    bandsPerHaploidSet: bands,
    overridden: false,
  };
}
