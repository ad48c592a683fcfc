import * as tf from '@tensorflow/tfjs-core';
import type { BackendPreference } from '../model/backend';
import type { BagInput } from '../model/inputs';
import type { HomNetModel } from '../model/homnet-model';
import { profileInference } from '../model/inference-profile';
import type { PredictOptions } from '../model/prediction';
import { createModel, loadModel } from '../model/load-model';
import { loadArtifactsFromIndexedDB, saveArtifactsToIndexedDB } from '../model/weights/indexeddb';
import { useBackend } from '../model/backend';
import type { ModelAccess } from './analysis/analysis-service';
import type { ModelSource, ModelStatus, ModelWorkerApi, TypeClassifierStatus } from './model-api';
import { WASM_PATHS } from './wasm-paths';
import { fetchClassifier, type ClassifierValues } from '../model/type-classifier/fetch-classifier';

/**
 * Where the shipped type classifier lies, beside the shipped models (a build without one refuses metaphase
 * images without annotation, as before the classifier was shipped).
 */
function shippedClassifierUrl(): string {
  return new URL(
    `${import.meta.env.BASE_URL}models/type-classifier/manifest.json`,
    self.location.href,
  ).toString();
}

/**
 * Holds the one model of this worker and answers the page's model calls; `access` lends the model to
 * the analysis service of the same worker.
 */
export function createModelService(hooks: { readonly onBackendChange?: () => void } = {}): {
  service: ModelWorkerApi;
  access: ModelAccess;
} {
  let model: HomNetModel | null = null;
  // Fetched once, with the first model: its values are small and backend-free (variables are made per case).
  let classifier: Promise<ClassifierValues | null> | null = null;
  // What the header says about it: a classifier that failed to load is no silent refusal of every metaphase.
  let classifierStatus: TypeClassifierStatus = { problem: 'not loaded yet' };
  const loadClassifier = (): Promise<ClassifierValues | null> => {
    classifier ??= Promise.resolve()
      .then(() => fetchClassifier(shippedClassifierUrl()))
      .then((values) => {
        classifierStatus = { id: values.manifest.id };
        return values;
      })
      .catch((error: unknown) => {
        classifierStatus = { problem: error instanceof Error ? error.message : String(error) };
        return null;
      });
    return classifier;
  };

  const statusOf = (current: HomNetModel): ModelStatus => {
    // WebGPU and WebGL add their GPU buffer totals to tf.memory(); CPU and WASM do not.
    const memory: tf.MemoryInfo & { numBytesInGPU?: number } = tf.memory();
    return {
      backend: current.backend,
      tfBackend: tf.getBackend(),
      model: current.info,
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      ...(memory.numBytesInGPU === undefined ? {} : { numBytesInGPU: memory.numBytesInGPU }),
      typeClassifier: classifierStatus,
    };
  };

  const load = async (source: ModelSource, backend: BackendPreference): Promise<HomNetModel> => {
    const common = { backend, wasmPaths: WASM_PATHS };
    switch (source.kind) {
      case 'url':
        return loadModel({
          ...common,
          url: source.url,
          ...(source.reload === true
            ? { fetch: (url: RequestInfo | URL) => fetch(url, { cache: 'reload' }) }
            : {}),
        });
      case 'indexeddb':
        return loadModel({ ...common, weights: await loadArtifactsFromIndexedDB(source.key) });
      case 'seed':
        return createModel({ ...common, seed: source.seed });
    }
  };

  const requireModel = (): HomNetModel => {
    if (!model) throw new Error('no model is loaded in the worker yet');
    return model;
  };

  const service: ModelWorkerApi = {
    async selectBackend(preference) {
      const choice = await useBackend(preference, { wasmPaths: WASM_PATHS });
      hooks.onBackendChange?.();
      return choice;
    },
    async loadModel(source, backend) {
      const next = await load(source, backend);
      await loadClassifier();
      hooks.onBackendChange?.();
      model?.dispose();
      model = next;
      return statusOf(next);
    },
    predict(bags: readonly BagInput[], options?: PredictOptions) {
      return requireModel().predict(bags, options);
    },
    profilePredict(bags: readonly BagInput[]) {
      return profileInference(requireModel(), bags);
    },
    async saveModelToIndexedDB(key) {
      await saveArtifactsToIndexedDB(key, await requireModel().exportArtifacts());
    },
    status() {
      return Promise.resolve(model ? statusOf(model) : null);
    },
  };
  return { service, access: { require: requireModel, typeClassifier: loadClassifier } };
}
