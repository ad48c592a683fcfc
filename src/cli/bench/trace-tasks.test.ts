import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceTasks } from './trace-tasks';

const PAGE = 10;
const MAIN = 11;

/** A minimal trace: the page's renderer (pid 10) and another renderer (pid 20), both with a main thread. */
function trace(extra: object[]): string {
  const events = [
    {
      name: 'TracingStartedInBrowser',
      ph: 'I',
      pid: 1,
      tid: 1,
      ts: 0,
      args: { data: { frames: [{ processId: PAGE }] } },
    },
    { name: 'thread_name', ph: 'M', pid: 20, tid: 21, ts: 0, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', pid: PAGE, tid: MAIN, ts: 0, args: { name: 'CrRendererMain' } },
    // The harness's task that sets the mark (long because tracing starts): not counted.
    { name: 'RunTask', ph: 'X', pid: PAGE, tid: MAIN, ts: 1000, dur: 90_000, tdur: 80_000 },
    { name: 'watch', cat: 'blink.user_timing', ph: 'R', pid: PAGE, tid: MAIN, ts: 1500 },
    ...extra,
  ];
  const dir = mkdtempSync(join(tmpdir(), 'trace-tasks-'));
  const path = join(dir, 'trace.json');
  writeFileSync(path, JSON.stringify({ traceEvents: events }));
  return path;
}

describe('traceTasks', () => {
  it('measures the page main thread’s tasks after the mark by wall and CPU time', async () => {
    const path = trace([
      { name: 'RunTask', ph: 'X', pid: PAGE, tid: MAIN, ts: 100_000, dur: 70_000, tdur: 12_000 },
      { name: 'RunTask', ph: 'X', pid: PAGE, tid: MAIN, ts: 200_000, dur: 55_000, tdur: 52_300 },
      { name: 'RunTask', ph: 'X', pid: PAGE, tid: 12, ts: 300_000, dur: 500_000, tdur: 500_000 },
      { name: 'RunTask', ph: 'X', pid: 20, tid: 21, ts: 300_000, dur: 400_000, tdur: 400_000 },
    ]);
    expect(await traceTasks(path, 'watch')).toEqual({
      tasks: 2,
      longestTaskMs: 70,
      longestTaskCpuMs: 52.3,
      tasksOver50MsCpu: 1,
    });
  });

  it('says so when the mark is missing', async () => {
    await expect(traceTasks(trace([]), 'other')).rejects.toThrow('no "other" mark');
  });
});
