import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseSummary } from '../worker/analysis-api';
import type { WorkerClient, WorkerLoss } from '../worker/client';
import { WorkerLostError } from '../worker/client';
import type { MemoryCaseDb } from '../worker/testing/memory-case-db';
import { memoryCaseDb } from '../worker/testing/memory-case-db';
import { validRecord } from './testing/records';

const db = vi.hoisted(() => ({ current: null as MemoryCaseDb | null }));
vi.mock('../worker/case-db', async () =>
  (await import('../worker/testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

/** The workers the runner will get, in order; each either loses itself or answers with a summary. */
const engine = vi.hoisted(() => ({ workers: [] as WorkerClient[], replaced: 0 }));
vi.mock('./engine-actions', () => ({
  analysisWorker: () => engine.workers[engine.replaced],
  engineReady: () => Promise.resolve({ id: 'm' }),
  replaceLostWorker: () => {
    engine.replaced += 1;
    return Promise.resolve({ id: 'm' });
  },
}));

const { MAX_JOB_ATTEMPTS, newJob, runJob } = await import('./job-runner');
const { useAppStore } = await import('./store');

const loss: WorkerLoss = { kind: 'gpu-lost', message: 'the GPU device was lost (destroyed)' };
const summary = validRecord.summary;

function worker(answer: 'lost' | CaseSummary, seen: number[]): WorkerClient {
  return {
    call: () => {
      // What the job's IndexedDB record says while this run is going on.
      const stored = [...(db.current?.stores.get('meta')?.values() ?? [])] as { attempts: number }[];
      seen.push(stored[0]?.attempts ?? 0);
      return answer === 'lost' ? Promise.reject(new WorkerLostError(loss)) : Promise.resolve(answer);
    },
  } as unknown as WorkerClient;
}

const request = { name: 'Demo', origin: 'demo', karyotype: '46,XY', cells: 1, level: 400, seed: 1 } as const;

beforeEach(() => {
  db.current = memoryCaseDb();
  engine.replaced = 0;
  useAppStore.getState().setNotice(null);
});

describe('runJob', () => {
  it('runs a job again on the replacement worker when its worker is lost, then forgets it', async () => {
    const seen: number[] = [];
    engine.workers = [worker('lost', seen), worker(summary, seen)];
    const finished: string[] = [];
    const ok = await runJob(newJob({ kind: 'synthetic', label: 'Demo', request }), (outcome) => {
      finished.push(...outcome.cases.map((c) => c.id));
      return Promise.resolve();
    });
    expect(ok).toBe(true);
    expect(finished).toEqual([summary.id]);
    expect(engine.replaced).toBe(1);
    // Each run was counted in IndexedDB before it started; the record is gone once the job is done.
    expect(seen).toEqual([1, 2]);
    expect([...(db.current?.stores.get('meta')?.keys() ?? [])]).toEqual([]);
    expect(useAppStore.getState().job).toBeNull();
  });

  it('gives a job up after it has lost its worker on every run, and says so', async () => {
    const seen: number[] = [];
    engine.workers = Array.from({ length: MAX_JOB_ATTEMPTS + 1 }, () => worker('lost', seen));
    const ok = await runJob(newJob({ kind: 'synthetic', label: 'Demo', request }), () => Promise.resolve());
    expect(ok).toBe(false);
    expect(seen).toEqual([1, 2, 3]);
    expect(useAppStore.getState().notice).toEqual({
      kind: 'error',
      text: 'Demo: the analysis worker stopped: the GPU device was lost (destroyed); given up after 3 runs',
    });
    expect([...(db.current?.stores.get('meta')?.keys() ?? [])]).toEqual([]);
  });

  it('queues a job that comes while another runs, keeps its input meanwhile, and runs it next', async () => {
    const order: string[] = [];
    let releaseFirst = (): void => undefined;
    engine.workers = [
      {
        call: () => {
          if (order.length > 0) return Promise.resolve(summary);
          order.push('first starts');
          return new Promise((resolve) => {
            releaseFirst = () => {
              order.push('first ends');
              resolve(summary);
            };
          });
        },
      } as unknown as WorkerClient,
    ];
    const first = runJob(newJob({ kind: 'synthetic', label: 'First', request }), () => Promise.resolve());
    await vi.waitFor(() => {
      expect(order).toEqual(['first starts']);
    });
    const secondJob = newJob({ kind: 'synthetic', label: 'Second', request });
    const second = runJob(secondJob, () => {
      order.push('second finished');
      return Promise.resolve();
    });
    await vi.waitFor(() => {
      expect(useAppStore.getState().notice?.text).toBe(
        'Second: queued; it starts when the running analysis ends.',
      );
    });
    // Queued, not refused: its input is already kept, so a closed tab would resume it.
    expect(db.current?.stores.get('meta')?.has(`pending-job:${secondJob.id}`)).toBe(true);
    expect(useAppStore.getState().job?.label).toBe('First');
    releaseFirst();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(order).toEqual(['first starts', 'first ends', 'second finished']);
    expect(useAppStore.getState().notice).toBeNull();
    expect(useAppStore.getState().job).toBeNull();
  });
});
