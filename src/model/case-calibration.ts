import { checkNumber, isObject } from '../shared/shape-check';

/**
 * How a model's scores are calibrated to the case they belong to (a choice of ours, not the paper's): a
 * case holds 23 types and almost all of them are normal, so where a whole case scores higher than the
 * model's training labs do, the difference is the lab's (contrast, grain, band level, layout), not 23
 * abnormalities. The case's `quantile` type log-odds is compared with `referenceLogit`, the same figure's
 * median over the training labs' real validation cases; where the case lies above it, every one of its
 * scores is lowered by the difference (log-odds). Scores are never raised.
 */
export interface CaseCalibration {
  /** Quantile of the case's type log-odds compared, in (0, 1) (0.75: the upper quartile). */
  readonly quantile: number;
  /** Median of that quantile over the training labs' real validation cases, log-odds. */
  readonly referenceLogit: number;
  /** Fewest types with a verdict a case needs before it is calibrated (fewer say little about the lab). */
  readonly minTypes: number;
}

/** A manifest's case calibration, or null when it has none or it is malformed (the model works without). */
export function readCaseCalibration(value: unknown): CaseCalibration | null {
  if (!isObject(value)) return null;
  try {
    const quantile = checkNumber(value.quantile, 'quantile');
    const referenceLogit = checkNumber(value.referenceLogit, 'referenceLogit');
    const minTypes = checkNumber(value.minTypes, 'minTypes');
    const sound =
      quantile > 0 &&
      quantile < 1 &&
      Number.isFinite(referenceLogit) &&
      Number.isInteger(minTypes) &&
      minTypes >= 3 &&
      minTypes <= 24;
    return sound ? { quantile, referenceLogit, minTypes } : null;
  } catch {
    return null;
  }
}
