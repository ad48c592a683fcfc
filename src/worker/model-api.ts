import type { BackendChoice, BackendPreference } from '../model/backend';
import type { InferenceProfile } from '../model/inference-profile';
import type { BagInput } from '../model/inputs';
import type { BagPrediction, PredictOptions } from '../model/prediction';
import type { ModelInfo } from '../model/homnet-model';

/** Where the worker takes its model from. */
export type ModelSource =
  | {
      readonly kind: 'url';
      readonly url: string;
      /** Fetch bypassing the HTTP cache (`cache: 'reload'`): after a copy failed its checksum. */
      readonly reload?: boolean;
    }
  | { readonly kind: 'indexeddb'; readonly key: string }
  /** A freshly initialised (untrained) network; for training and tests. */
  | { readonly kind: 'seed'; readonly seed: number };

export interface ModelStatus {
  readonly backend: BackendChoice;
  /** What tf.getBackend() says inside the worker, reported separately so nobody has to trust us. */
  readonly tfBackend: string;
  readonly model: ModelInfo;
  /** Live tensors in the worker after loading (a leak shows as growth). */
  readonly numTensors: number;
  /** Bytes held by live tensors (tf.memory().numBytes). */
  readonly numBytes: number;
  /** Bytes of GPU buffers the backend holds, pooled ones included (WebGPU, WebGL); absent on CPU/WASM. */
  readonly numBytesInGPU?: number;
  /** The type classifier metaphases without annotation are arranged with, or why it could not be loaded. */
  readonly typeClassifier: TypeClassifierStatus;
}

/** The shipped type classifier's id, or the problem that kept it from loading (metaphases are then refused). */
export type TypeClassifierStatus = { readonly id: string } | { readonly problem: string };

/**
 * The model part of the worker's API, as the page sees it through comlink. Every call returns plain,
 * structured-cloneable objects; tensors never cross.
 */
export interface ModelWorkerApi {
  /** Starts a tfjs backend without a model, to tell the user what will run. */
  selectBackend(preference: BackendPreference): Promise<BackendChoice>;
  loadModel(source: ModelSource, backend: BackendPreference): Promise<ModelStatus>;
  predict(bags: readonly BagInput[], options?: PredictOptions): Promise<BagPrediction[]>;
  /** Where one predict() of `bags` spends its time, on this worker's backend (bench --browser, issue #25). */
  profilePredict(bags: readonly BagInput[]): Promise<InferenceProfile>;
  /** Stores the loaded model's weights in this origin's IndexedDB under `key`. */
  saveModelToIndexedDB(key: string): Promise<void>;
  status(): Promise<ModelStatus | null>;
}
