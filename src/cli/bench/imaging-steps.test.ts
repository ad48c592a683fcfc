import { describe, expect, it } from 'vitest';
import { stageDurations } from './imaging';

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
});
