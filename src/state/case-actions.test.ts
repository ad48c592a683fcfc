import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemoryCaseDb } from '../worker/testing/memory-case-db';
import { memoryCaseDb } from '../worker/testing/memory-case-db';
import { validRecord } from './testing/records';

const db = vi.hoisted(() => ({ current: null as MemoryCaseDb | null }));
vi.mock('../worker/case-db', async () =>
  (await import('../worker/testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

const { loadWorklist, recordDecision } = await import('./case-actions');
const { useAppStore } = await import('./store');

beforeEach(() => {
  db.current = memoryCaseDb();
  useAppStore.getState().setReviewer('Dr Unit');
});

describe('recordDecision', () => {
  it('refuses a decision without a reviewer name instead of signing it anonymous', async () => {
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);
    useAppStore.getState().setReviewer('  ');
    await expect(recordDecision('7', 'normal', '')).rejects.toThrow(/enter your name as Reviewer/);
    expect(useAppStore.getState().cases[validRecord.id]?.decisions).toHaveLength(1);
  });

  it('records the note typed for the decision, signed, and clears it for the next one', async () => {
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);
    useAppStore.getState().setDecisionNote('bands match');
    await recordDecision('7', 'normal');
    const last = useAppStore.getState().cases[validRecord.id]?.decisions.at(-1);
    expect([last?.note, last?.reviewer]).toEqual(['bands match', 'Dr Unit']);
    expect(useAppStore.getState().decisionNote).toBe('');
  });

  it('shows a decision only once IndexedDB has committed it', async () => {
    const memory = db.current ?? memoryCaseDb();
    let commit = (): void => undefined;
    const put = memory.dbPut;
    memory.dbPut = (store, key, value) =>
      new Promise<void>((resolve) => {
        commit = () => {
          void put(store, key, value).then(resolve);
        };
      });
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);

    const saving = recordDecision('7', 'normal', 'looks fine');
    await Promise.resolve();
    expect(useAppStore.getState().cases[validRecord.id]?.decisions).toHaveLength(1);
    commit();
    await saving;
    const shown = useAppStore.getState().cases[validRecord.id]?.decisions ?? [];
    expect(shown.map((d) => [d.type, d.decision, d.note])).toEqual([
      ['5', 'abnormal', ''],
      ['7', 'normal', 'looks fine'],
    ]);
    const stored = memory.stores.get('reviews')?.get(validRecord.id) as typeof validRecord;
    expect(stored.decisions).toHaveLength(2);
  });

  it('shows nothing as saved when the write fails', async () => {
    const memory = db.current ?? memoryCaseDb();
    memory.dbPut = () => Promise.reject(new Error('QuotaExceededError'));
    useAppStore.getState().setWorklist([validRecord]);
    useAppStore.getState().openCase(validRecord.id);
    await expect(recordDecision('7', 'normal', '')).rejects.toThrow('QuotaExceededError');
    expect(useAppStore.getState().cases[validRecord.id]?.decisions).toHaveLength(1);
  });
});

describe('loadWorklist', () => {
  it('lists every good saved review and names each damaged one it skipped', async () => {
    const memory = db.current ?? memoryCaseDb();
    const second = { ...validRecord, id: 'case-2', summary: { ...validRecord.summary, id: 'case-2' } };
    const reviews = memory.stores.get('reviews');
    reviews?.set(validRecord.id, validRecord);
    reviews?.set('case-0-garbage', 'not a record');
    reviews?.set(second.id, second);
    reviews?.set('case-3-truncated', {
      ...validRecord,
      summary: { ...validRecord.summary, types: undefined },
    });

    await loadWorklist();
    expect(Object.keys(useAppStore.getState().cases).sort()).toEqual(['case-1', 'case-2']);
    expect(useAppStore.getState().notice?.text.split('\n')).toEqual([
      'saved review "case-0-garbage" was skipped: the entry is not an object',
      'saved review "case-3-truncated" was skipped: summary.types is not a list',
    ]);
  });
});
