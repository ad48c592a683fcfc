import type { ChromosomeProfile } from '../shared/profile';
import { pearson } from '../shared/statistics';
import {
  chromosomeSamples,
  dynamicTimeWarping,
  meanOf,
  meanTrack,
  peakCounts,
  resampleTrack,
  varianceOf,
  warpingStepsBothWays,
} from './profile-tracks';

/**
 * Whole-pair measures that HomNet's Eq. 8 reads beside the aligned regions when the architecture's
 * `pairMeasures` is on (our addition; MODEL_CARD.md, "What it is"). The attention of HomBlock may align
 * any region with any other, so a piece turned round or swapped in from another chromosome can find its
 * look-alike out of order and leave little difference behind; dynamic time warping keeps the order. And
 * a 5 % change is one sixth of a region, which the coarse regions blur. Each measure is symmetric in the two homologs,
 * so the pair's score stays invariant to their order. Fed to the network divided by MEASURE_SCALES.
 */
export const PAIR_MEASURES = [
  /** |ln length 1 − ln length 2|, lengths in samples at the cell's common scale. */
  'length ratio',
  /** DTW distance of the mean tracks, each resampled to 64 points (length-normalised), darkness units. */
  'band distance',
  /** 1 − Pearson r of the same 64-point tracks. */
  'band decorrelation',
  /** Largest mean DTW step cost over any 12 consecutive steps of 128-point tracks: one local mismatch. */
  'local mismatch',
  /** |difference of mean darkness|. */
  'darkness difference',
  /** |difference of band contrast| (standard deviation of the track). */
  'contrast difference',
  /** |difference of the number of dark bands| + |difference of the number of light bands|. */
  'band count difference',
] as const;

export const PAIR_MEASURE_COUNT = PAIR_MEASURES.length;

/**
 * Mean of each measure on normal pairs of the training cases (rounded; band counts: 1): dividing by it puts every
 * input near 1. They are part of the trained weights' meaning: changing one changes what every model with
 * `pairMeasures` computes, so add a new measure rather than rescale an old one.
 */
export const MEASURE_SCALES: readonly number[] = [0.07, 0.02, 0.25, 0.07, 0.02, 0.015, 1];

const GLOBAL_POINTS = 64;
const LOCAL_POINTS = 128;
const LOCAL_WINDOW_STEPS = 12;

function largestWindowMean(steps: readonly number[], window: number): number {
  if (steps.length === 0) return 0;
  const w = Math.min(window, steps.length);
  let sum = 0;
  for (let i = 0; i < w; i++) sum += steps[i] ?? 0;
  let best = sum;
  for (let i = w; i < steps.length; i++) {
    sum += (steps[i] ?? 0) - (steps[i - w] ?? 0);
    best = Math.max(best, sum);
  }
  return best / w;
}

/** The pair's measures, in PAIR_MEASURES order, unscaled (natural units). */
export function rawPairMeasures(first: ChromosomeProfile, second: ChromosomeProfile): number[] {
  const lengthA = chromosomeSamples(first);
  const lengthB = chromosomeSamples(second);
  const trackA = meanTrack(first, lengthA);
  const trackB = meanTrack(second, lengthB);
  const globalA = resampleTrack(trackA, GLOBAL_POINTS);
  const globalB = resampleTrack(trackB, GLOBAL_POINTS);
  const global = dynamicTimeWarping(globalA, globalB);
  const localA = resampleTrack(trackA, LOCAL_POINTS);
  const localB = resampleTrack(trackB, LOCAL_POINTS);
  // Where costs tie, the path walked back depends on which track is first; both orders, averaged, keep
  // the measure exactly symmetric.
  const local = warpingStepsBothWays(localA, localB);
  const localMismatch =
    0.5 *
    (largestWindowMean(local.aThenB, LOCAL_WINDOW_STEPS) +
      largestWindowMean(local.bThenA, LOCAL_WINDOW_STEPS));
  const meanA = meanOf(trackA);
  const meanB = meanOf(trackB);
  const peaksA = peakCounts(trackA);
  const peaksB = peakCounts(trackB);
  return [
    // A difference of logarithms rather than the log of a ratio: exactly the same in both orders.
    Math.abs(Math.log(lengthA) - Math.log(lengthB)),
    global.total / (2 * GLOBAL_POINTS),
    1 - pearson(globalA, globalB),
    localMismatch,
    Math.abs(meanA - meanB),
    Math.abs(Math.sqrt(varianceOf(trackA, meanA)) - Math.sqrt(varianceOf(trackB, meanB))),
    Math.abs(peaksA.on - peaksB.on) + Math.abs(peaksA.off - peaksB.off),
  ];
}

/** The pair's measures as the network reads them (divided by MEASURE_SCALES). */
export function pairMeasures(first: ChromosomeProfile, second: ChromosomeProfile): number[] {
  return rawPairMeasures(first, second).map((value, i) => value / (MEASURE_SCALES[i] ?? 1));
}

/**
 * How far normal pairs go, for the measures a reviewer is shown: the 90th and 99th percentile over the
 * 7,813 autosome pairs of the 222 training cases of ../shared/data/pki3 (raw units, 2026-11-27). Real
 * homologs differ a lot: one in ten normal pairs differs in length by 15 % or more (condensation,
 * bending, where segmentation cut the ends).
 */
export const NORMAL_PAIR_SPREAD = {
  'length ratio': { p90: 0.141, p99: 0.256 },
  'band decorrelation': { p90: 0.469, p99: 0.754 },
  'local mismatch': { p90: 0.108, p99: 0.184 },
} as const satisfies Partial<Record<(typeof PAIR_MEASURES)[number], { p90: number; p99: number }>>;
