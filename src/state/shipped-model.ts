import type { BackendPreference } from '../model/backend';
import { dbDelete, dbGet, dbPut } from '../worker/case-db';
import type { WorkerClient } from '../worker/client';
import type { ModelSource, ModelStatus } from '../worker/model-api';
import { errorText } from '../shared/error-text';

/** IndexedDB key under which the worker keeps a copy of the shipped model, for offline use. */
export const CACHED_MODEL_KEY = 'shipped-model';

/** The shipped model's id and manifest URL from `models/index.json`, or why there is none. */
async function shippedModelUrl(): Promise<{ id: string; url: string } | { problem: string }> {
  const base = import.meta.env.BASE_URL;
  try {
    const response = await fetch(`${base}models/index.json`, { cache: 'no-cache' });
    if (!response.ok) return { problem: 'this build ships no model (models/index.json is missing)' };
    const index = (await response.json()) as { default?: unknown };
    if (typeof index.default !== 'string' || !/^[\w.-]+$/.test(index.default))
      return { problem: 'models/index.json names no default model' };
    return { id: index.default, url: `${base}models/${index.default}/manifest.json` };
  } catch {
    return { problem: 'this build ships no model (models/index.json is missing or not JSON)' };
  }
}

/** A refusal of the model's bytes (checksum, manifest), as it arrives through comlink. */
const isWeightsError = (error: unknown): boolean => error instanceof Error && error.name === 'WeightsError';

/**
 * Loads the shipped model from the app's origin. A copy that fails its checksum may come from a proxy
 * or the HTTP cache, so it is fetched once more past the cache before the model is given up.
 */
async function loadFromOrigin(
  worker: WorkerClient,
  url: string,
  preference: BackendPreference,
): Promise<ModelStatus> {
  try {
    return await worker.call((api) => api.loadModel({ kind: 'url', url }, preference));
  } catch (first) {
    if (!isWeightsError(first)) throw first;
    try {
      return await worker.call((api) => api.loadModel({ kind: 'url', url, reload: true }, preference));
    } catch (second) {
      throw new Error(`${errorText(second)} (downloaded twice, the second time past the HTTP cache)`);
    }
  }
}

/** What the engine started with: the model and where it came from (to load it again), or why none. */
export type StartupModel =
  { readonly status: ModelStatus; readonly source: ModelSource } | { readonly problem: string };

/**
 * Loads the model the app starts with: the copy kept in IndexedDB when it is the shipped one (or when
 * offline), else the shipped one from the origin, which is then kept. A kept copy that is refused
 * (checksum, damaged entry) is dropped and fetched again from the origin.
 */
export async function loadStartupModel(
  worker: WorkerClient,
  preference: BackendPreference,
): Promise<StartupModel> {
  const shipped = await shippedModelUrl();
  const cachedId = await dbGet<string>('meta', CACHED_MODEL_KEY).catch(() => undefined);
  let cacheProblem: string | null = null;
  if (cachedId !== undefined && ('problem' in shipped || shipped.id === cachedId)) {
    const source: ModelSource = { kind: 'indexeddb', key: CACHED_MODEL_KEY };
    try {
      return { status: await worker.call((api) => api.loadModel(source, preference)), source };
    } catch (error) {
      cacheProblem = errorText(error);
      await dbDelete('meta', CACHED_MODEL_KEY).catch(() => undefined);
    }
  }
  if ('problem' in shipped) {
    return {
      problem: cacheProblem
        ? `the copy kept in this browser was refused (${cacheProblem}) and ${shipped.problem}`
        : shipped.problem,
    };
  }
  try {
    const status = await loadFromOrigin(worker, shipped.url, preference);
    void worker
      .call((api) => api.saveModelToIndexedDB(CACHED_MODEL_KEY))
      .then(() => dbPut('meta', CACHED_MODEL_KEY, shipped.id))
      .catch(() => undefined);
    return { status, source: { kind: 'url', url: shipped.url } };
  } catch (error) {
    return { problem: `the model did not load: ${errorText(error)}` };
  }
}
