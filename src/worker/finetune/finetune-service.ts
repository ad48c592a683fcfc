import type { ModelArtifacts } from '../../model/weights/manifest';
import { decodeModelFile, encodeModelFile, MODEL_FILE_SUFFIX } from '../../model/weights/model-file';
import { datasetCaseOf } from '../../pipeline/profiles/dataset-case';
import type { CaseLabels } from '../../model/train/lab-bags';
import type { ModelAccess } from '../analysis/analysis-service';
import type { StoredCase } from '../analysis/stored-case';
import { activeCells } from '../analysis/stored-case';
import { dbGet } from '../case-db';
import type { FineTuneWorkerApi } from '../finetune-api';
import { WASM_PATHS } from '../wasm-paths';
import { runLabFineTune } from './lab-finetune';
import {
  deleteLabModel,
  labModelIds,
  listLabModels,
  loadLabModel,
  saveLabModel,
  summaryOfManifest,
} from './lab-models';
import { planImport } from './model-import-plan';

/** A macrotask: lets the worker take queued messages (a cancel) before the next training step. */
const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

const fileNameOf = (id: string): string => `${id.replace(/[^\w.-]+/g, '_')}${MODEL_FILE_SUFFIX}`;

/**
 * Fine-tuning in the worker, on the profiles it keeps of each analysed case (IndexedDB 'results'), and
 * the lab's models in IndexedDB. One candidate at a time waits for the lab's decision.
 */
export function createFineTuneService(models: ModelAccess): FineTuneWorkerApi {
  const jobs = new Map<string, AbortController>();
  let candidate: ModelArtifacts | null = null;

  const loadedModelId = (): string | null => {
    try {
      return models.require().id;
    } catch {
      return null;
    }
  };

  const readCase = async (caseId: string): Promise<StoredCase> => {
    const stored = await dbGet<StoredCase>('results', caseId);
    if (!stored) throw new Error(`case ${caseId} has no stored analysis in this browser`);
    return stored;
  };

  return {
    async fineTune(jobId, request, onProgress) {
      if (jobs.size > 0) throw new Error('a fine-tuning is already running');
      const controller = new AbortController();
      jobs.set(jobId, controller);
      try {
        const parent = models.require();
        const stored = await Promise.all(request.cases.map((c) => readCase(c.caseId)));
        const labels: CaseLabels = Object.fromEntries(request.cases.map((c) => [c.caseId, c.labels]));
        const output = await runLabFineTune({
          parent,
          cases: stored.map((s) => datasetCaseOf(s.id, activeCells(s))),
          labels,
          settings: request.settings,
          signal: controller.signal,
          onProgress: (progress) => {
            void Promise.resolve(onProgress(progress)).catch(() => undefined);
          },
          yieldToEvents,
          wasmPaths: WASM_PATHS,
        });
        candidate = output.artifacts;
        return {
          candidate: summaryOfManifest(output.artifacts.manifest),
          before: output.before,
          after: output.after,
        };
      } finally {
        jobs.delete(jobId);
      }
    },
    cancelFineTune(jobId) {
      jobs.get(jobId)?.abort();
    },
    async keepCandidate() {
      if (!candidate) throw new Error('there is no fine-tuned model waiting for a decision');
      const summary = await saveLabModel(candidate);
      candidate = null;
      return summary;
    },
    discardCandidate() {
      candidate = null;
    },
    listLabModels() {
      return listLabModels();
    },
    async exportModelFile(id) {
      let artifacts: ModelArtifacts;
      try {
        artifacts = await loadLabModel(id);
      } catch {
        const loaded = models.require();
        if (loaded.id !== id) throw new Error(`model ${id} is neither a lab model nor the loaded one`);
        artifacts = await loaded.exportArtifacts();
      }
      return { name: fileNameOf(id), text: encodeModelFile(artifacts) };
    },
    async readModelFile(name, text) {
      return summaryOfManifest((await decodeModelFile(text, name)).manifest);
    },
    async importModelFile(name, text, request) {
      const artifacts = await decodeModelFile(text, name);
      const plan = planImport(
        {
          fileName: name,
          fileId: artifacts.manifest.id,
          shippedId: request.shippedId,
          labIds: await labModelIds(),
          inUseId: loadedModelId(),
        },
        request.onCollision,
      );
      // The page asks first; this is the guarantee that nothing is replaced without the lab's answer.
      if (plan.kind === 'refuse') throw new Error(plan.reason);
      if (plan.kind === 'ask') {
        throw new Error(
          `${name}: the lab already has a model named ${plan.existingId}; nothing was imported without a choice (replace or keep both)`,
        );
      }
      const stored =
        plan.id === artifacts.manifest.id
          ? artifacts
          : { ...artifacts, manifest: { ...artifacts.manifest, id: plan.id } };
      return { model: await saveLabModel(stored), replaced: plan.replaces };
    },
    deleteLabModel(id) {
      return deleteLabModel(id);
    },
  };
}
