import type { ScoredExample } from './metrics';
import { f1AtThreshold, rocAuc, rocCurve } from './metrics';

/** A point of a ROC curve, rates in [0, 1]. */
export interface RocRates {
  readonly falsePositiveRate: number;
  readonly truePositiveRate: number;
}

/** A model's figures on a set of labelled bags, as the fine-tuning screen compares them. */
export interface ValidationFigures {
  readonly auc: number;
  /** F1, precision and recall at `threshold` (abnormal when probability ≥ threshold). */
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly threshold: number;
  readonly bags: number;
  readonly abnormalBags: number;
  /** The ROC curve from (0, 0) to (1, 1); thresholds left out (they differ between models). */
  readonly roc: readonly RocRates[];
}

/** AUC, F1 at the given threshold, and the ROC curve of scored bags (both classes needed). */
export function validationFigures(scored: readonly ScoredExample[], threshold: number): ValidationFigures {
  const { f1, precision, recall } = f1AtThreshold(scored, threshold);
  return {
    auc: rocAuc(scored),
    f1,
    precision,
    recall,
    threshold,
    bags: scored.length,
    abnormalBags: scored.filter((s) => s.abnormal).length,
    roc: rocCurve(scored).map((p) => ({
      falsePositiveRate: p.falsePositiveRate,
      truePositiveRate: p.truePositiveRate,
    })),
  };
}
