import type { CaseCalibration } from '../../model/case-calibration';
import type { TypeVerdict } from './score-case';

/** Log-odds of a probability, kept finite at 0 and 1. */
export function logit(probability: number): number {
  const p = Math.min(1 - 1e-7, Math.max(1e-7, probability));
  return Math.log(p / (1 - p));
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** The `q` quantile of values (linear between order statistics, as numpy's default). */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(sorted.length - 1, below + 1)] ?? low;
  return low + (at - below) * (high - low);
}

/** The model's own probability of a verdict (before any case calibration), or null when it has none. */
export function modelScoreOf(verdict: TypeVerdict): number | null {
  return verdict.modelScore === undefined ? verdict.score : verdict.modelScore;
}

/**
 * How far (log-odds, ≥ 0) a case's scores are lowered: its types with a verdict (scored and not
 * unreliable) put their `quantile` log-odds above the calibration's reference by this much. 0 without a
 * calibration, or with fewer than its `minTypes` such types.
 */
export function caseScoreShift(
  verdicts: readonly TypeVerdict[],
  calibration: CaseCalibration | undefined,
): number {
  const scores = verdicts.flatMap((v) => {
    const score = modelScoreOf(v);
    return score === null || (v.unreliable ?? null) !== null ? [] : [score];
  });
  return scoreShift(scores, calibration ?? null);
}

/** How far a case whose types with a verdict have these model scores is lowered, log-odds (≥ 0). */
function scoreShift(scores: readonly number[], calibration: CaseCalibration | null): number {
  if (calibration === null || scores.length < calibration.minTypes) return 0;
  return Math.max(0, quantile(scores.map(logit), calibration.quantile) - calibration.referenceLogit);
}

/**
 * A case's verdicts calibrated to the case (see CaseCalibration): each score lowered by the case's shift
 * on the log-odds scale, flagged again against `threshold`, the model's own score kept as `modelScore`.
 * Computed from the model's scores every time, so verdicts scored again in part are calibrated afresh.
 */
export function calibrateVerdicts(
  verdicts: readonly TypeVerdict[],
  calibration: CaseCalibration | undefined,
  threshold: number,
): { readonly types: TypeVerdict[]; readonly shift: number } {
  const shift = caseScoreShift(verdicts, calibration);
  const types = verdicts.map((v): TypeVerdict => {
    const modelScore = modelScoreOf(v);
    if (modelScore === null) return v;
    const score = shift > 0 ? sigmoid(logit(modelScore) - shift) : modelScore;
    const unreliable = v.unreliable ?? null;
    return {
      ...v,
      score,
      modelScore,
      abnormal: unreliable === null ? score >= threshold : null,
    };
  });
  return { types, shift };
}

/** The quantile a calibration compares, and the fewest types a case needs (CaseCalibration). */
export const CALIBRATION_QUANTILE = 0.75;
export const CALIBRATION_MIN_TYPES = 8;

/**
 * A calibration measured on real normal validation cases: the median, over cases with at least
 * `minTypes` types with a verdict, of each case's `quantile` log-odds of the model's own scores; null
 * when no case has that many (nothing to measure it on).
 *
 * @param cases per case, the model's own scores of its types with a verdict
 */
export function measureCaseCalibration(
  cases: readonly (readonly number[])[],
  quantileOf = CALIBRATION_QUANTILE,
  minTypes = CALIBRATION_MIN_TYPES,
): CaseCalibration | null {
  const levels = cases
    .filter((scores) => scores.length >= minTypes)
    .map((scores) => quantile(scores.map(logit), quantileOf));
  if (levels.length === 0) return null;
  return { quantile: quantileOf, referenceLogit: quantile(levels, 0.5), minTypes };
}

/** One case's scores of its types with a verdict, calibrated (the same as calibrateVerdicts does to them). */
export function calibrateScores(scores: readonly number[], calibration: CaseCalibration | null): number[] {
  const shift = scoreShift(scores, calibration);
  return shift > 0 ? scores.map((s) => sigmoid(logit(s) - shift)) : [...scores];
}
