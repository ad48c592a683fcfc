import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../analysis-api';
import { PROGRESS_INTERVAL_MS, progressGate } from './progress-gate';

const step = (caseName: string): JobProgress => ({ phase: 'imaging', caseName, cells: [] });

describe('progressGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first state at once, then the latest at most once an interval, and never loses the last', () => {
    const sent: string[] = [];
    const gate = progressGate((p) => {
      sent.push(p.caseName);
    });
    for (let i = 0; i < 1000; i++) gate.send(step(`case ${i}`));
    expect(sent).toEqual(['case 0']);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(sent).toEqual(['case 0', 'case 999']);
    vi.advanceTimersByTime(10 * PROGRESS_INTERVAL_MS);
    expect(sent).toHaveLength(2);
    gate.send(step('later'));
    expect(sent.at(-1)).toBe('later');
  });
});
