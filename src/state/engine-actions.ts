import type { BackendPreference } from '../model/backend';
import type { ModelInfo } from '../model/homnet-model';
import { BACKEND_NAMES } from '../model/backend';
import type { WorkerClient, WorkerLoss } from '../worker/client';
import { startWorker } from '../worker/client';
import type { ModelSource } from '../worker/model-api';
import { loadStartupModel } from './shipped-model';
import { useAppStore } from './store';
import { restartOnWasm } from './worker-recovery';

let client: WorkerClient | null = null;
let ready: Promise<ModelInfo | null> | null = null;
/** Where the loaded model came from, so that a replacement worker can load the same one. */
let loadedSource: ModelSource | null = null;

/** The page's one analysis worker, started on first use; a lost one is replaced (see below). */
export function analysisWorker(): WorkerClient {
  if (client) return client;
  const started = startWorker();
  client = started;
  void started.lost.then((loss) => replaceLostWorker(started, loss));
  return started;
}

/**
 * Replaces a worker that crashed or lost its GPU device: ends it, starts a new one on WASM with the same
 * model and tells the user. Once per lost worker; resolves with the model the new worker runs.
 */
export function replaceLostWorker(lost: WorkerClient, loss: WorkerLoss): Promise<ModelInfo | null> {
  if (client !== lost) return engineReady();
  lost.terminate();
  client = null;
  // Lost before any model was loaded: start over on WASM the usual way.
  ready = loadedSource ? restartOnWasm(analysisWorker(), loadedSource, loss) : start('wasm');
  return ready;
}

/**
 * Records a model loaded after start (a lab model the user switched to), so that a replacement worker
 * loads that one rather than the model the page started with.
 */
export function noteLoadedModel(source: ModelSource): void {
  loadedSource = source;
}

/** `?backend=webgpu|wasm|webgl|cpu` picks a backend (for comparison and tests); default auto. */
export function backendFromUrl(search: string): BackendPreference {
  const wanted = new URLSearchParams(search).get('backend');
  return (BACKEND_NAMES as readonly string[]).includes(wanted ?? '') ? (wanted as BackendPreference) : 'auto';
}

async function start(preference: BackendPreference): Promise<ModelInfo | null> {
  const { setEngine } = useAppStore.getState();
  setEngine({ phase: 'starting' });
  try {
    const worker = analysisWorker();
    const backend = await worker.call((api) => api.selectBackend(preference));
    const loaded = await loadStartupModel(worker, preference);
    if ('problem' in loaded) {
      setEngine({ phase: 'ready', backend, model: null, modelProblem: loaded.problem });
      return null;
    }
    loadedSource = loaded.source;
    setEngine({
      phase: 'ready',
      backend: loaded.status.backend,
      model: loaded.status.model,
      typeClassifier: loaded.status.typeClassifier,
    });
    return loaded.status.model;
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
