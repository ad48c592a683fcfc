import { describe, expect, it, vi } from 'vitest';
import { memoryCaseDb } from '../worker/testing/memory-case-db';
import { validRecord } from './testing/records';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../worker/case-db', async () =>
  (await import('../worker/testing/memory-case-db')).forwardingCaseDb(() => db.current),
);
/** Any job run would need the worker: counted, so the test sees that none ran. */
const worker = vi.hoisted(() => ({ calls: 0 }));
vi.mock('./engine-actions', () => ({
  analysisWorker: () => {
    worker.calls += 1;
    throw new Error('no job should run');
  },
  engineReady: () => Promise.resolve({ id: 'm' }),
  replaceLostWorker: () => Promise.resolve(null),
}));

describe('resuming cut-off jobs on start', () => {
  it('does not run again a job whose results were saved before the tab closed, and forgets it', async () => {
    db.current = memoryCaseDb();
    const job = {
      id: 'job-1',
      input: { kind: 'synthetic', label: 'Demo', request: { name: 'Demo' } },
      attempts: 1,
    };
    db.current.stores.get('reviews')?.set(validRecord.id, { ...validRecord, jobId: job.id });
    db.current.stores.get('meta')?.set(`pending-job:${job.id}`, job);
    const { loadWorklist } = await import('./case-actions');
    const { useAppStore } = await import('./store');
    await loadWorklist();
    expect(worker.calls).toBe(0);
    expect(db.current.stores.get('meta')?.has(`pending-job:${job.id}`)).toBe(false);
    expect(Object.keys(useAppStore.getState().cases)).toEqual([validRecord.id]);
  });

  it('runs again a job that was adding cells to a saved case when it was cut off', async () => {
    db.current = memoryCaseDb();
    worker.calls = 0;
    const job = {
      id: 'job-2',
      input: { kind: 'add-cells', label: 'more cells', caseId: validRecord.id, files: [] },
      attempts: 1,
    };
    // The case's record names an earlier job: this one's results were never saved.
    db.current.stores.get('reviews')?.set(validRecord.id, { ...validRecord, jobId: 'job-1' });
    db.current.stores.get('meta')?.set(`pending-job:${job.id}`, job);
    // Web Locks as a tab that holds no other lock sees them.
    vi.stubGlobal('navigator', {
      locks: {
        request: (_name: string, _options: unknown, run: (lock: object) => Promise<void>) => run({}),
      },
    });
    vi.resetModules();
    const { loadWorklist } = await import('./case-actions');
    await loadWorklist();
    expect(worker.calls).toBeGreaterThan(0);
    vi.unstubAllGlobals();
  });
});
