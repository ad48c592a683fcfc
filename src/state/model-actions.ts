import type { BackendPreference } from '../model/backend';
import type { ModelInfo } from '../model/homnet-model';
import { labModelSource } from '../worker/finetune/lab-model-source';
import { dbGet, dbPut } from '../worker/case-db';
import type { ModelSource } from '../worker/model-api';
import { analysisWorker, noteLoadedModel, startEngine } from './engine-actions';
import { CACHED_MODEL_KEY } from './shipped-model';
import { useAppStore } from './store';

/** IndexedDB 'meta' key of the lab model the lab chose to work with (absent: the shipped one). */
const CHOSEN_MODEL_KEY = 'chosen-model';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Reads the lab's models from the worker into the store. */
export async function refreshLabModels(): Promise<void> {
  const models = await analysisWorker().call((api) => api.listLabModels());
  useAppStore.getState().setLabModels(models);
}

function currentBackend(): BackendPreference {
  const engine = useAppStore.getState().engine;
  return engine.phase === 'ready' ? engine.backend.name : 'auto';
}

/**
 * Makes a model the one that analyses (a lab model by id, or the shipped one with null), on the same
 * backend, and remembers the choice for the next start. Existing results keep the id of the model that
 * made them until they are analysed again.
 */
export async function switchModel(id: string | null): Promise<ModelInfo | null> {
  const state = useAppStore.getState();
  const target = id ?? state.shippedModelId;
  if (target === null) return null;
  const source: ModelSource = id === null ? { kind: 'indexeddb', key: CACHED_MODEL_KEY } : labModelSource(id);
  state.setSwitchingTo(target);
  try {
    if (id === null && (await dbGet<string>('meta', CACHED_MODEL_KEY)) !== target)
      throw new Error('the shipped model is not stored in this browser yet; reload the page to fetch it');
    const status = await analysisWorker().call((api) => api.loadModel(source, currentBackend()));
    noteLoadedModel(source);
    useAppStore.getState().setEngine({ phase: 'ready', backend: status.backend, model: status.model });
    await dbPut('meta', CHOSEN_MODEL_KEY, id);
    useAppStore.getState().setModelsNotice({
      kind: 'info',
      text: `Now analysing with ${status.model.id}. Open cases show which model made their results; re-analyse them to use this one.`,
    });
    return status.model;
  } catch (error) {
    useAppStore
      .getState()
      .setModelsNotice({ kind: 'error', text: `Could not switch to ${target}: ${messageOf(error)}` });
    return null;
  } finally {
    useAppStore.getState().setSwitchingTo(null);
  }
}

/**
 * Starts the engine with the shipped model, then loads the lab model chosen last time (if any). A chosen
 * model that is gone or broken leaves the shipped one in place, with a notice.
 */
export async function startEngineWithChosenModel(preference: BackendPreference): Promise<void> {
  const shipped = await startEngine(preference);
  const state = useAppStore.getState();
  state.setShippedModelId(shipped?.id ?? null);
  await refreshLabModels().catch(() => undefined);
  if (!shipped) return;
  const chosen = await dbGet<string | null>('meta', CHOSEN_MODEL_KEY).catch(() => undefined);
  if (typeof chosen === 'string' && chosen !== shipped.id) await switchModel(chosen);
}

/** Saves a model (lab model or the loaded one) as one file. */
export async function exportModel(id: string): Promise<{ name: string; text: string }> {
  return analysisWorker().call((api) => api.exportModelFile(id));
}

/** Checks and stores a model file; a damaged one is refused with the worker's message. */
export async function importModelFile(name: string, text: string): Promise<void> {
  const state = useAppStore.getState();
  try {
    const model = await analysisWorker().call((api) => api.importModelFile(name, text));
    await refreshLabModels();
    state.setModelsNotice({ kind: 'info', text: `Imported ${model.id} from ${name}.` });
  } catch (error) {
    state.setModelsNotice({ kind: 'error', text: messageOf(error) });
  }
}

export async function deleteLabModel(id: string): Promise<void> {
  const engine = useAppStore.getState().engine;
  if (engine.phase === 'ready' && engine.model?.id === id) {
    useAppStore.getState().setModelsNotice({
      kind: 'error',
      text: `${id} is the model in use; switch to another one before deleting it.`,
    });
    return;
  }
  await analysisWorker().call((api) => api.deleteLabModel(id));
  await refreshLabModels();
}
