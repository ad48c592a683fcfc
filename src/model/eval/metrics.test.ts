import { describe, expect, it } from 'vitest';
import { bestF1Threshold, f1AtThreshold, rocAuc, rocCurve } from './metrics';

const ex = (score: number, abnormal: boolean) => ({ score, abnormal });

describe('evaluation metrics', () => {
  it('gives AUC 1 for a perfect ranking, 0 for a reversed one and 0.5 for ties', () => {
    expect(rocAuc([ex(0.9, true), ex(0.8, true), ex(0.2, false)])).toBe(1);
    expect(rocAuc([ex(0.1, true), ex(0.8, false)])).toBe(0);
    expect(rocAuc([ex(0.5, true), ex(0.5, false)])).toBe(0.5);
  });

  it('matches the Mann–Whitney count on a mixed ranking', () => {
    // Positives 0.9, 0.4; negatives 0.7, 0.3, 0.2: 5 of 6 positive–negative pairs ordered right.
    const examples = [ex(0.9, true), ex(0.7, false), ex(0.4, true), ex(0.3, false), ex(0.2, false)];
    expect(rocAuc(examples)).toBeCloseTo(5 / 6, 10);
    const curve = rocCurve(examples);
    expect(curve[0]).toMatchObject({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
  });

  it('computes F1 at a threshold and finds the best one', () => {
    const examples = [ex(0.9, true), ex(0.7, false), ex(0.4, true), ex(0.3, false)];
    expect(f1AtThreshold(examples, 0.5)).toEqual({ f1: 0.5, precision: 0.5, recall: 0.5 });
    expect(f1AtThreshold(examples, 0.95).f1).toBe(0);
    const best = bestF1Threshold(examples);
    expect(best.threshold).toBe(0.4);
    expect(best.f1).toBeCloseTo(0.8, 10);
  });

  it('refuses a ROC without both classes', () => {
    expect(() => rocAuc([ex(0.3, true)])).toThrow(/both abnormal and normal/);
  });
});

describe('threshold at a specificity', () => {
  it('leaves the wanted share of normal examples below it', async () => {
    const { thresholdAtSpecificity } = await import('./metrics');
    const normals = Array.from({ length: 100 }, (_, i) => ({ score: i / 100, abnormal: false }));
    const threshold = thresholdAtSpecificity([...normals, { score: 0.5, abnormal: true }], 0.95);
    expect(normals.filter((e) => e.score < threshold)).toHaveLength(95);
    expect(() => thresholdAtSpecificity([{ score: 1, abnormal: true }], 0.9)).toThrow(
      /needs normal examples/,
    );
  });
});
