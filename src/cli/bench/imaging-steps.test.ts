import { describe, expect, it } from 'vitest';
import { IMAGING_STEPS } from '../../imaging/step-marks';
import { stageDurations, stepDetail } from './imaging';
import type { StepTotals } from './imaging-step-timer';

describe("a karyogram's steps in the bench", () => {
  it('times each stage from its first progress report to the next stage, the layout from the call', () => {
    const marks = [
      { stage: 'layout', at: 12 },
      { stage: 'profiles', at: 40 },
      { stage: 'band-level', at: 95 },
      { stage: 'band-level', at: 99 },
    ] as const;
    expect(stageDurations(10, marks, 100)).toEqual({ layoutMs: 30, profilesMs: 55, bandLevelMs: 5 });
  });

  it('gives 0 to a stage that never reported, and its time to the stage before', () => {
    const marks = [
      { stage: 'layout', at: 0 },
      { stage: 'band-level', at: 70 },
    ] as const;
    expect(stageDurations(0, marks, 80)).toEqual({ layoutMs: 70, profilesMs: 0, bandLevelMs: 10 });
  });

  it("splits the marked steps between the layout and the profiles, each stage's unmarked rest beside them", () => {
    const totals = Object.fromEntries(IMAGING_STEPS.map((step) => [step, 1])) as StepTotals;
    totals.distance = 4;
    totals.thinning = 2.5;
    const detail = stepDetail(totals, { layoutMs: 20, profilesMs: 30 });
    expect(Object.keys(detail.layout)).toEqual([
      'background and darkness',
      'threshold',
      'rule lines',
      'components',
      'distance',
      'classify components',
      'rows',
      'slots',
      'split and build',
      'unmarked',
    ]);
    expect(detail.layout.distance).toBe(4);
    expect(detail.layout.unmarked).toBe(20 - 8 - 4);
    expect(detail.profiles.thinning).toBe(2.5);
    expect(detail.profiles.unmarked).toBe(30 - 7 - 2.5);
  });
});
