import type { ModelArtifacts, WeightsManifest } from '../../model/weights/manifest';
import {
  deleteArtifactsFromIndexedDB,
  listIndexedDBModels,
  loadArtifactsFromIndexedDB,
  saveArtifactsToIndexedDB,
} from '../../model/weights/indexeddb';
import type { LabModelSummary, TrainingSummary } from '../finetune-api';
import { LAB_MODEL_PREFIX, labModelKey } from './lab-model-source';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The manifest's training facts when they are the app's fine-tuning summary (checked, not trusted). */
function trainingSummaryOf(training: unknown): TrainingSummary | null {
  if (!isRecord(training)) return null;
  const { cases, cells, labelledTypes, heldBack } = training;
  const ok =
    typeof training.fineTunedFrom === 'string' &&
    isRecord(cases) &&
    typeof cases.tuning === 'number' &&
    typeof cases.heldBack === 'number' &&
    isRecord(cells) &&
    typeof cells.tuning === 'number' &&
    isRecord(labelledTypes) &&
    typeof labelledTypes.abnormal === 'number' &&
    typeof training.steps === 'number' &&
    isRecord(heldBack) &&
    isRecord(heldBack.before) &&
    isRecord(heldBack.after);
  return ok ? (training as unknown as TrainingSummary) : null;
}

export function summaryOfManifest(manifest: WeightsManifest): LabModelSummary {
  return {
    id: manifest.id,
    parentId: manifest.parentId ?? null,
    createdAt: manifest.createdAt,
    threshold: manifest.threshold,
    sha256: manifest.sha256,
    training: trainingSummaryOf(manifest.training),
  };
}

/**
 * Stores a model among the lab's models (under its id; the same id again replaces it, so an import goes
 * through planImport first).
 */
export async function saveLabModel(artifacts: ModelArtifacts): Promise<LabModelSummary> {
  await saveArtifactsToIndexedDB(labModelKey(artifacts.manifest.id), artifacts);
  return summaryOfManifest(artifacts.manifest);
}

export function loadLabModel(id: string): Promise<ModelArtifacts> {
  return loadArtifactsFromIndexedDB(labModelKey(id));
}

/** Every lab model, newest first. */
export async function listLabModels(): Promise<LabModelSummary[]> {
  const keys = (await listIndexedDBModels()).filter((key) => key.startsWith(LAB_MODEL_PREFIX));
  const summaries = await Promise.all(
    keys.map(async (key) => summaryOfManifest((await loadArtifactsFromIndexedDB(key)).manifest)),
  );
  return summaries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Ids of every lab model, read from the keys alone (no manifest is parsed). */
export async function labModelIds(): Promise<string[]> {
  return (await listIndexedDBModels())
    .filter((key) => key.startsWith(LAB_MODEL_PREFIX))
    .map((key) => key.slice(LAB_MODEL_PREFIX.length));
}

export async function hasLabModel(id: string): Promise<boolean> {
  return (await listIndexedDBModels()).includes(labModelKey(id));
}

export function deleteLabModel(id: string): Promise<void> {
  return deleteArtifactsFromIndexedDB(labModelKey(id));
}
