import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CellStage, JobProgress } from '../analysis-api';
import { PROGRESS_INTERVAL_MS, progressGate } from './progress-gate';

/** Progress of a two-cell case: cell01 at `first`, cell02 at `second`. */
const state = (
  first: CellStage,
  second: CellStage,
  phase: JobProgress['phase'] = 'imaging',
): JobProgress => ({
  phase,
  caseName: 'case',
  cells: [
    { id: 'cell01', stage: first },
    { id: 'cell02', stage: second },
  ],
});

describe('progressGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends every new step at once, so no "n of m cells" is ever skipped', () => {
    const sent: JobProgress[] = [];
    const gate = progressGate((p) => {
      sent.push(p);
    });
    gate.send(state('imaging', 'queued'));
    gate.send(state('done', 'imaging'));
    gate.send(state('done', 'done'));
    gate.send(state('done', 'done', 'scoring'));
    expect(sent).toHaveLength(4);
  });

  it('holds stage moves within a step to one an interval, the latest winning, and never loses the last', () => {
    const sent: CellStage[] = [];
    const gate = progressGate((p) => {
      sent.push(p.cells[0]?.stage ?? 'queued');
    });
    gate.send(state('imaging', 'queued'));
    for (const stage of ['layout', 'profiles', 'band-level'] as const) gate.send(state(stage, 'queued'));
    expect(sent).toEqual(['imaging']);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(sent).toEqual(['imaging', 'band-level']);
    vi.advanceTimersByTime(10 * PROGRESS_INTERVAL_MS);
    expect(sent).toHaveLength(2);
  });
});
