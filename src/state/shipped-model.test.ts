import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Remote } from 'comlink';
import type { WorkerClient } from '../worker/client';
import type { HomNetWorkerApi } from '../worker/homnet.worker';
import type { ModelSource, ModelStatus } from '../worker/model-api';
import type { MemoryCaseDb } from '../worker/testing/memory-case-db';
import { memoryCaseDb } from '../worker/testing/memory-case-db';

const db = vi.hoisted(() => ({ current: null as MemoryCaseDb | null }));
vi.mock('../worker/case-db', async () =>
  (await import('../worker/testing/memory-case-db')).forwardingCaseDb(() => db.current),
);

const { CACHED_MODEL_KEY, loadStartupModel } = await import('./shipped-model');

const weightsError = (message: string): Error => Object.assign(new Error(message), { name: 'WeightsError' });

/** A worker whose loadModel answers from `answers` in turn (an Error rejects); records every call. */
function fakeWorker(answers: readonly (ModelStatus | Error)[]) {
  const loads: ModelSource[] = [];
  const saves: string[] = [];
  const api = {
    loadModel: (source: ModelSource) => {
      const answer = answers[loads.length];
      loads.push(source);
      return answer instanceof Error || answer === undefined
        ? Promise.reject(answer ?? new Error('unexpected load'))
        : Promise.resolve(answer);
    },
    saveModelToIndexedDB: (key: string) => {
      saves.push(key);
      return Promise.resolve();
    },
  } as unknown as Remote<HomNetWorkerApi>;
  const worker = { call: (run: (a: typeof api) => Promise<unknown>) => run(api) } as unknown as WorkerClient;
  return { worker, loads, saves };
}

const status = { backend: { name: 'wasm', reason: 'test' }, model: { id: 'shipped-1' } } as ModelStatus;
const url = '/models/shipped-1/manifest.json';

beforeEach(() => {
  db.current = memoryCaseDb();
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ default: 'shipped-1' }))));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('loadStartupModel', () => {
  it('refuses a kept copy that fails its checksum, loads from the origin and keeps that copy', async () => {
    await db.current?.dbPut('meta', CACHED_MODEL_KEY, 'shipped-1');
    const { worker, loads, saves } = fakeWorker([weightsError('model shipped-1: checksum mismatch'), status]);
    const loaded = await loadStartupModel(worker, 'wasm');
    expect(loaded).toEqual({ status, source: { kind: 'url', url } });
    expect(loads).toEqual([
      { kind: 'indexeddb', key: CACHED_MODEL_KEY },
      { kind: 'url', url },
    ]);
    await vi.waitUntil(() => db.current?.stores.get('meta')?.get(CACHED_MODEL_KEY) === 'shipped-1');
    expect(saves).toEqual([CACHED_MODEL_KEY]);
  });

  it('fetches a corrupt download once more past the HTTP cache', async () => {
    const { worker, loads } = fakeWorker([weightsError('checksum mismatch'), status]);
    const loaded = await loadStartupModel(worker, 'wasm');
    expect('status' in loaded && loaded.status).toBe(status);
    expect(loads).toEqual([
      { kind: 'url', url },
      { kind: 'url', url, reload: true },
    ]);
  });

  it('gives up after the second corrupt download and says why', async () => {
    const { worker, loads } = fakeWorker([
      weightsError('checksum mismatch'),
      weightsError('checksum mismatch'),
    ]);
    const loaded = await loadStartupModel(worker, 'wasm');
    expect(loaded).toEqual({
      problem:
        'the model did not load: checksum mismatch (downloaded twice, the second time past the HTTP cache)',
    });
    expect(loads).toHaveLength(2);
  });

  it('does not download again when the failure is not about the bytes', async () => {
    const { worker, loads } = fakeWorker([new Error('HTTP 404 while loading the model manifest')]);
    const loaded = await loadStartupModel(worker, 'wasm');
    expect(loaded).toEqual({ problem: 'the model did not load: HTTP 404 while loading the model manifest' });
    expect(loads).toHaveLength(1);
  });
});
