import { describe, expect, it } from 'vitest';
import type { CaseCalibration } from '../../model/case-calibration';
import { readCaseCalibration } from '../../model/case-calibration';
import {
  calibrateScores,
  calibrateVerdicts,
  caseScoreShift,
  logit,
  measureCaseCalibration,
} from './case-calibration';
import type { TypeVerdict } from './score-case';

const calibration: CaseCalibration = { quantile: 0.75, referenceLogit: -1, minTypes: 8 };

const verdict = (
  type: TypeVerdict['type'],
  score: number | null,
  unreliable: string | null = null,
): TypeVerdict => ({
  type,
  copies: [2],
  score,
  abnormal: score === null || unreliable !== null ? null : score >= 0.8,
  unreliable,
  pairs: [],
  region: null,
});

/** Twenty types with the given log-odds. */
const caseOf = (logits: readonly number[]): TypeVerdict[] =>
  logits.map((x, i) => verdict(String(i + 1) as TypeVerdict['type'], 1 / (1 + Math.exp(-x))));

describe('case calibration', () => {
  it('lowers every score of a case that scores high as a whole, by how far its upper quartile lies above the reference', () => {
    // Upper quartile (linear) of 0, 0.1, …, 1.9 is 1.425: 2.425 above the reference.
    const logits = Array.from({ length: 20 }, (_, i) => i / 10);
    const { types, shift } = calibrateVerdicts(caseOf(logits), calibration, 0.8);
    expect(shift).toBeCloseTo(2.425, 6);
    types.forEach((t, i) => {
      expect(logit(t.score ?? 0)).toBeCloseTo((logits[i] ?? 0) - 2.425, 4);
      expect(t.modelScore).toBeCloseTo(1 / (1 + Math.exp(-(logits[i] ?? 0))), 9);
      expect(t.abnormal).toBe((t.score ?? 0) >= 0.8);
    });
    // Flagged on the model's score (the top type at 0.87), not any more after the shift.
    expect(types.some((t) => (t.modelScore ?? 0) >= 0.8)).toBe(true);
    expect(types.some((t) => t.abnormal === true)).toBe(false);
  });

  it('never raises a score, and leaves alone cases with too few types with a verdict', () => {
    const quiet = caseOf(Array.from({ length: 20 }, () => -3));
    expect(calibrateVerdicts(quiet, calibration, 0.8).shift).toBe(0);
    expect(calibrateVerdicts(quiet, calibration, 0.8).types.map((t) => t.score)).toEqual(
      quiet.map((t) => t.score),
    );
    const few = caseOf([3, 3, 3, 3, 3, 3, 3]);
    expect(caseScoreShift(few, calibration)).toBe(0);
    expect(caseScoreShift(caseOf(Array.from({ length: 20 }, () => 2)), undefined)).toBe(0);
  });

  it('leaves unreliable and unscored types out of the case level, and calibrates afresh from the model scores', () => {
    const types = [
      ...caseOf(Array.from({ length: 10 }, () => -1)),
      verdict('X', 0.9999, 'cut-out'),
      verdict('Y', null),
    ];
    // Only the ten reliable ones count: their quartile is the reference itself.
    expect(caseScoreShift(types, calibration)).toBeCloseTo(0, 9);
    const high = caseOf(Array.from({ length: 10 }, () => 1));
    const once = calibrateVerdicts(high, calibration, 0.8);
    const twice = calibrateVerdicts(once.types, calibration, 0.8);
    expect(twice.shift).toBeCloseTo(once.shift, 9);
    expect(twice.types.map((t) => t.score)).toEqual(once.types.map((t) => t.score));
    // An unreliable type keeps abnormal null whatever its score.
    expect(calibrateVerdicts(types, calibration, 0.8).types.find((t) => t.type === 'X')?.abnormal).toBeNull();
  });

  it('measures the reference as the median case upper quartile, and calibrates score lists the same way', () => {
    const toP = (x: number): number => 1 / (1 + Math.exp(-x));
    const cases = [
      Array.from({ length: 9 }, () => toP(-2)),
      Array.from({ length: 9 }, () => toP(0)),
      Array.from({ length: 9 }, () => toP(1)),
      [toP(5), toP(5)],
    ];
    const measured = measureCaseCalibration(cases);
    if (measured === null) throw new Error('not measured');
    expect(measured).toEqual({ quantile: 0.75, referenceLogit: expect.closeTo(0, 6) as number, minTypes: 8 });
    const list = Array.from({ length: 12 }, (_, i) => toP(i / 4));
    const viaVerdicts = calibrateVerdicts(caseOf(list.map(logit)), measured, 0.8).types.map((t) => t.score);
    calibrateScores(list, measured).forEach((s, i) => {
      expect(s).toBeCloseTo(viaVerdicts[i] ?? -1, 9);
    });
    expect(measureCaseCalibration([[0.5]])).toBeNull();
    expect(calibrateScores([0.9, 0.95], null)).toEqual([0.9, 0.95]);
  });

  it('is read from a manifest only when sound', () => {
    expect(readCaseCalibration({ quantile: 0.75, referenceLogit: -0.85, minTypes: 8 })).toEqual({
      quantile: 0.75,
      referenceLogit: -0.85,
      minTypes: 8,
    });
    for (const bad of [
      null,
      'x',
      { quantile: 1.5, referenceLogit: 0, minTypes: 8 },
      { quantile: 0.75, referenceLogit: Number.NaN, minTypes: 8 },
      { quantile: 0.75, referenceLogit: 0, minTypes: 2.5 },
      { quantile: 0.75, minTypes: 8 },
    ])
      expect(readCaseCalibration(bad)).toBeNull();
  });
});
