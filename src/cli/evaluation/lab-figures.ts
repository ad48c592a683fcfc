import type { HomNetModel } from '../../model/homnet-model';
import type { SampledBag } from '../../model/train/bag-sampler';
import { bestF1Threshold, f1AtThreshold, rocAuc } from '../../model/eval/metrics';
import { scoreBags } from '../../model/train/trainer';

/** A model's figures on a lab's held-back bags. */
export interface LabFigures {
  readonly auc: number;
  /** F1 at the model's own threshold. */
  readonly f1: number;
  readonly bestThreshold: number;
  readonly bestF1: number;
}

export async function labFigures(
  model: HomNetModel,
  bags: readonly SampledBag[],
  threshold = model.info.threshold,
): Promise<LabFigures> {
  const scored = await scoreBags(model, bags);
  const best = bestF1Threshold(scored);
  return {
    auc: rocAuc(scored),
    f1: f1AtThreshold(scored, threshold).f1,
    bestThreshold: best.threshold,
    bestF1: best.f1,
  };
}

export function formatFigures(label: string, f: LabFigures): string {
  return `${label}: AUC ${f.auc.toFixed(4)}, F1 ${f.f1.toFixed(4)} at its threshold, best F1 ${f.bestF1.toFixed(4)} at ${f.bestThreshold.toFixed(3)}`;
}
