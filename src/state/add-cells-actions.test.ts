import { describe, expect, it, vi } from 'vitest';
import type { CaseSummary, InputFile } from '../worker/analysis-api';
import { memoryCaseDb } from '../worker/testing/memory-case-db';
import { validRecord } from './testing/records';

const db = vi.hoisted(() => ({ current: null as ReturnType<typeof memoryCaseDb> | null }));
vi.mock('../worker/case-db', async () =>
  (await import('../worker/testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

/** The worker as the page sees it: addCells answers with `grown`; deleteCase calls are counted. */
const worker = vi.hoisted(() => ({
  grown: null as CaseSummary | null,
  beforeAnswer: (): void => undefined,
  deleted: [] as string[],
}));
vi.mock('./engine-actions', () => {
  const api = {
    addCells: () => {
      worker.beforeAnswer();
      return Promise.resolve({ cases: worker.grown ? [worker.grown] : [], rejected: [] });
    },
    deleteCase: (id: string) => {
      worker.deleted.push(id);
      return Promise.resolve();
    },
  };
  return {
    analysisWorker: () => ({ api, call: <T>(run: (remote: typeof api) => Promise<T>) => run(api) }),
    engineReady: () => Promise.resolve({ id: 'm' }),
    replaceLostWorker: () => Promise.resolve(null),
  };
});
vi.stubGlobal('navigator', {
  locks: { request: (_name: string, _options: unknown, run: (lock: object) => Promise<void>) => run({}) },
});

const { addCellsToOpenCase } = await import('./case-actions');
const { useAppStore } = await import('./store');

const files: InputFile[] = [{ path: 'cell02.png', bytes: new Uint8Array([1, 2, 3]) }];
const secondCell = {
  ...validRecord.summary.cells[0],
  id: 'b',
  source: 'b.png',
} as CaseSummary['cells'][number];

describe('addCellsToOpenCase', () => {
  it('puts the grown case in place of the old one, keeping its decisions and the selected type', async () => {
    db.current = memoryCaseDb();
    worker.grown = { ...validRecord.summary, cells: [...validRecord.summary.cells, secondCell] };
    worker.beforeAnswer = () => undefined;
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);
    useAppStore.getState().selectType('7');
    await addCellsToOpenCase(files);
    const record = useAppStore.getState().cases[validRecord.id];
    expect(record?.summary.cells.map((c) => c.id)).toEqual(['a', 'b']);
    expect(record?.decisions).toEqual(validRecord.decisions);
    expect(Object.keys(useAppStore.getState().cases)).toEqual([validRecord.id]);
    expect(useAppStore.getState().selectedType).toBe('7');
    const saved = db.current.stores.get('reviews')?.get(validRecord.id) as typeof validRecord;
    expect(saved.summary.cells).toHaveLength(2);
  });

  it('removes the results again when the case was deleted while its cells were being added', async () => {
    db.current = memoryCaseDb();
    worker.grown = { ...validRecord.summary, cells: [...validRecord.summary.cells, secondCell] };
    worker.deleted = [];
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);
    worker.beforeAnswer = () => {
      useAppStore.getState().removeCase(validRecord.id);
    };
    await addCellsToOpenCase(files);
    expect(useAppStore.getState().cases[validRecord.id]).toBeUndefined();
    expect(db.current.stores.get('reviews')?.has(validRecord.id)).toBe(false);
    expect(worker.deleted).toEqual([validRecord.id]);
  });
});
