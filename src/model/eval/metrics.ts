/** One scored example: the model's abnormal probability and the truth (true = abnormal). */
export interface ScoredExample {
  readonly score: number;
  readonly abnormal: boolean;
}

/** A point of the ROC curve: false and true positive rates at thresholds ≥ `threshold`. */
export interface RocPoint {
  readonly threshold: number;
  readonly falsePositiveRate: number;
  readonly truePositiveRate: number;
}

function counts(examples: readonly ScoredExample[]): { positives: number; negatives: number } {
  const positives = examples.filter((e) => e.abnormal).length;
  return { positives, negatives: examples.length - positives };
}

/**
 * ROC curve from the highest threshold down, tied scores taken together (so the curve does not depend
 * on the order of ties). Starts at (0, 0) and ends at (1, 1).
 */
export function rocCurve(examples: readonly ScoredExample[]): RocPoint[] {
  const { positives, negatives } = counts(examples);
  if (positives === 0 || negatives === 0) throw new Error('ROC needs both abnormal and normal examples');
  const sorted = [...examples].sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [
    { threshold: Number.POSITIVE_INFINITY, falsePositiveRate: 0, truePositiveRate: 0 },
  ];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length;) {
    const threshold = sorted[i]?.score ?? 0;
    while (i < sorted.length && sorted[i]?.score === threshold) {
      if (sorted[i]?.abnormal) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold, falsePositiveRate: fp / negatives, truePositiveRate: tp / positives });
  }
  return points;
}

/** Area under the ROC curve (trapezoids; ties count one half), in [0, 1]. */
export function rocAuc(examples: readonly ScoredExample[]): number {
  const curve = rocCurve(examples);
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    const a = curve[i - 1];
    const b = curve[i];
    if (!a || !b) continue;
    area += ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) / 2;
  }
  return area;
}

/** Precision, recall and F1 with "abnormal" as the positive class, calling abnormal when score ≥ threshold. */
export function f1AtThreshold(
  examples: readonly ScoredExample[],
  threshold: number,
): { f1: number; precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of examples) {
    const called = e.score >= threshold;
    if (called && e.abnormal) tp++;
    else if (called) fp++;
    else if (e.abnormal) fn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall };
}

/** The threshold (one of the scores) with the highest F1, and that F1. */
export function bestF1Threshold(examples: readonly ScoredExample[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  const candidates = [...new Set(examples.map((e) => e.score))];
  for (const threshold of candidates) {
    const { f1 } = f1AtThreshold(examples, threshold);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best;
}

/**
 * The lowest threshold at which at least `specificity` of the normal examples score below it: a case
 * holds ~23 types and at most one or two are abnormal, so a reviewer needs few false flags per case more
 * than the balanced-set F1 optimum (which sits far lower).
 */
export function thresholdAtSpecificity(examples: readonly ScoredExample[], specificity: number): number {
  const normals = examples
    .filter((e) => !e.abnormal)
    .map((e) => e.score)
    .sort((a, b) => a - b);
  if (normals.length === 0) throw new Error('a specificity threshold needs normal examples');
  const index = Math.min(normals.length - 1, Math.ceil(specificity * normals.length) - 1);
  const below = normals[index] ?? 0.5;
  // Just above that normal score, so that it is not called abnormal (score ≥ threshold is abnormal).
  return Math.min(1, below + 1e-6);
}
