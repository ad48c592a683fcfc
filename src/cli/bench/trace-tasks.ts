import { readFile } from 'node:fs/promises';

/** The page's main-thread tasks in a Chromium performance trace, after a user-timing mark. */
export interface TraceTasks {
  /** Main-thread tasks after the mark. */
  readonly tasks: number;
  /** Longest task by wall time, ms (what the page's user waits; includes time the OS ran other work). */
  readonly longestTaskMs: number;
  /**
   * Longest task by the main thread's own CPU time, ms: the work the page itself did in one go. On a
   * shared, loaded machine this is the figure that does not depend on the other processes.
   */
  readonly longestTaskCpuMs: number;
  /** Tasks over 50 ms of CPU time. */
  readonly tasksOver50MsCpu: number;
}

interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  readonly tdur?: number;
  readonly args?: {
    readonly name?: string;
    readonly data?: { readonly frames?: readonly { readonly processId?: number }[] };
  };
}

/** The renderer main thread of the traced page: its process from the tracing start, its thread by name. */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } {
  const pid = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data?.frames?.[0]?.processId;
  const thread = events.find(
    (e) =>
      e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid),
  );
  if (!thread) throw new Error('the trace has no renderer main thread');
  return { pid: thread.pid, tid: thread.tid };
}

/**
 * Reads a trace written by Playwright's `browser.startTracing` (devtools.timeline and blink.user_timing
 * categories) and measures the page's main-thread tasks that started after the `mark` user-timing mark.
 */
export async function traceTasks(path: string, mark: string): Promise<TraceTasks> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = pageMainThread(events);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const markAt = onMain.find((e) => e.name === mark && (e.cat ?? '').includes('blink.user_timing'))?.ts;
  if (markAt === undefined) throw new Error(`the trace has no "${mark}" mark`);
  // The task that set the mark belongs to the harness (it also pays for tracing's start): skip it.
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts > markAt);
  const ms = (us: number | undefined): number => Math.round((us ?? 0) / 100) / 10;
  return {
    tasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
    longestTaskCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
    tasksOver50MsCpu: tasks.filter((t) => ms(t.tdur) > 50).length,
  };
}
