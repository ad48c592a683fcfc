import type { BackendPreference } from '../model/backend';
import { MAX_MODEL_FILE_BYTES } from '../model/weights/model-file';
import type { ModelInfo } from '../model/homnet-model';
import type { LabModelSummary } from '../worker/finetune-api';
import { labModelSource } from '../worker/finetune/lab-model-source';
import type { CollisionChoice, ImportPlan } from '../worker/finetune/model-import-plan';
import { planImport } from '../worker/finetune/model-import-plan';
import { dbGet, dbPut } from '../worker/case-db';
import type { ModelSource } from '../worker/model-api';
import { analysisWorker, noteLoadedModel, startEngine } from './engine-actions';
import { CACHED_MODEL_KEY } from './shipped-model';
import { useAppStore } from './store';
import { errorText } from '../shared/error-text';

/** IndexedDB 'meta' key of the lab model the lab chose to work with (absent: the shipped one). */
const CHOSEN_MODEL_KEY = 'chosen-model';

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
    useAppStore.getState().setEngine({
      phase: 'ready',
      backend: status.backend,
      model: status.model,
      typeClassifier: status.typeClassifier,
    });
    await dbPut('meta', CHOSEN_MODEL_KEY, id);
    useAppStore.getState().setModelsNotice({
      kind: 'info',
      text: `Now analysing with ${status.model.id}. Open cases show which model made their results; re-analyse them to use this one.`,
    });
    return status.model;
  } catch (error) {
    useAppStore
      .getState()
      .setModelsNotice({ kind: 'error', text: `Could not switch to ${target}: ${errorText(error)}` });
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

/** A checked model file waiting for the lab's decision: what it claims and what importing it would do. */
export interface ModelFileReview {
  readonly name: string;
  readonly text: string;
  readonly claims: LabModelSummary;
  /** 'store' (a new id) or 'ask' (the id is one of the lab's models); refusals never get this far. */
  readonly plan: Exclude<ImportPlan, { kind: 'refuse' }>;
}

/**
 * Checks a model file in the worker and plans its import, storing nothing. A damaged file or one using
 * the shipped model's id is refused with a notice (null); otherwise the lab sees the review and decides.
 */
export async function reviewModelFile(name: string, text: string): Promise<ModelFileReview | null> {
  const state = useAppStore.getState();
  try {
    const claims = await analysisWorker().call((api) => api.readModelFile(name, text));
    const { engine, labModels, shippedModelId } = useAppStore.getState();
    const plan = planImport({
      fileName: name,
      fileId: claims.id,
      shippedId: shippedModelId,
      labIds: labModels.map((m) => m.id),
      inUseId: engine.phase === 'ready' ? (engine.model?.id ?? null) : null,
    });
    if (plan.kind === 'refuse') {
      state.setModelsNotice({ kind: 'error', text: plan.reason });
      return null;
    }
    return { name, text, claims, plan };
  } catch (error) {
    state.setModelsNotice({ kind: 'error', text: errorText(error) });
    return null;
  }
}

/**
 * Reads a picked model file and reviews it ({@link reviewModelFile}); a file larger than any model can be
 * is refused from its size, before it is read into memory.
 */
export async function reviewModelBlob(
  file: Blob & { readonly name: string },
): Promise<ModelFileReview | null> {
  if (file.size > MAX_MODEL_FILE_BYTES) {
    const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20).toLocaleString('en')} MB`;
    useAppStore.getState().setModelsNotice({
      kind: 'error',
      text: `${file.name}: ${mb(file.size)}, larger than any model file can be (${mb(MAX_MODEL_FILE_BYTES)}); not read`,
    });
    return null;
  }
  return reviewModelFile(file.name, await file.text());
}

/** Stores a reviewed model file as the lab chose; the worker checks the file and the plan again. */
export async function importModelFile(review: ModelFileReview, onCollision?: CollisionChoice): Promise<void> {
  const state = useAppStore.getState();
  const { name, text, claims } = review;
  try {
    const { model, replaced } = await analysisWorker().call((api) =>
      api.importModelFile(name, text, {
        shippedId: state.shippedModelId,
        ...(onCollision ? { onCollision } : {}),
      }),
    );
    await refreshLabModels();
    const done = replaced
      ? `Replaced ${model.id} with the model in ${name}.`
      : model.id !== claims.id
        ? `Imported ${name} as ${model.id} (the lab's ${claims.id} is unchanged).`
        : `Imported ${model.id} from ${name}.`;
    state.setModelsNotice({ kind: 'info', text: done });
  } catch (error) {
    state.setModelsNotice({ kind: 'error', text: errorText(error) });
  }
}

export async function deleteLabModel(id: string): Promise<void> {
  const { engine, shippedModelId } = useAppStore.getState();
  // A lab entry under the shipped model's id (stored by an older version) is never loaded, the shipped
  // model is: sharing the id does not make it the model in use, and it must stay deletable.
  if (engine.phase === 'ready' && engine.model?.id === id && id !== shippedModelId) {
    useAppStore.getState().setModelsNotice({
      kind: 'error',
      text: `${id} is the model in use; switch to another one before deleting it.`,
    });
    return;
  }
  await analysisWorker().call((api) => api.deleteLabModel(id));
  await refreshLabModels();
}
