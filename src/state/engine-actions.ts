import type { BackendPreference, ModelInfo } from '../model';
import { BACKEND_NAMES } from '../model/backend';
import type { WorkerClient } from '../worker/client';
import { dbGet, dbPut } from '../worker/case-db';
import { startWorker } from '../worker/client';
import { useAppStore } from './store';

let client: WorkerClient | null = null;
let ready: Promise<ModelInfo | null> | null = null;

/** The page's one analysis worker, started on first use. */
export function analysisWorker(): WorkerClient {
  client ??= startWorker();
  return client;
}

/** `?backend=webgpu|wasm|webgl|cpu` picks a backend (for comparison and tests); default auto. */
export function backendFromUrl(search: string): BackendPreference {
  const wanted = new URLSearchParams(search).get('backend');
  return (BACKEND_NAMES as readonly string[]).includes(wanted ?? '') ? (wanted as BackendPreference) : 'auto';
}

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

async function start(preference: BackendPreference): Promise<ModelInfo | null> {
  const { setEngine } = useAppStore.getState();
  setEngine({ phase: 'starting' });
  try {
    const worker = analysisWorker();
    const backend = await worker.api.selectBackend(preference);
    const shipped = await shippedModelUrl();
    const cachedId = await dbGet<string>('meta', CACHED_MODEL_KEY).catch(() => undefined);
    try {
      // Offline, or the same model as last time: the copy in IndexedDB (its checksum is verified again).
      if (cachedId !== undefined && ('problem' in shipped || shipped.id === cachedId)) {
        const status = await worker.api.loadModel({ kind: 'indexeddb', key: CACHED_MODEL_KEY }, preference);
        setEngine({ phase: 'ready', backend: status.backend, model: status.model });
        return status.model;
      }
      if ('problem' in shipped) {
        setEngine({ phase: 'ready', backend, model: null, modelProblem: shipped.problem });
        return null;
      }
      const status = await worker.api.loadModel({ kind: 'url', url: shipped.url }, preference);
      setEngine({ phase: 'ready', backend: status.backend, model: status.model });
      void worker.api
        .saveModelToIndexedDB(CACHED_MODEL_KEY)
        .then(() => dbPut('meta', CACHED_MODEL_KEY, shipped.id))
        .catch(() => undefined);
      return status.model;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setEngine({ phase: 'ready', backend, model: null, modelProblem: `the model did not load: ${message}` });
      return null;
    }
  } catch (error) {
    setEngine({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** Starts the worker's backend and loads the shipped model, once; reports both for the header. */
export function startEngine(preference: BackendPreference = 'auto'): Promise<ModelInfo | null> {
  ready ??= start(preference);
  return ready;
}

/** Resolves with the loaded model (or null without one) once the engine has started. */
export function engineReady(): Promise<ModelInfo | null> {
  return ready ?? startEngine();
}
