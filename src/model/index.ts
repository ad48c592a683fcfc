/** HomNet in TensorFlow.js: load, predict, save, train. No React, no DOM: runs in workers and Node. */
export type { HomNetArchitecture } from './architecture';
export { DEFAULT_ARCHITECTURE, flopsPerPair, regionCount } from './architecture';
export type { BackendChoice, BackendName, BackendPreference } from './backend';
export { BACKEND_NAMES, BackendUnavailableError, useBackend } from './backend';
export type { ModelInfo } from './homnet-model';
export { HomNetModel } from './homnet-model';
export type { BagInput, PairInput } from './inputs';
export type { CreateModelOptions, LoadModelOptions } from './load-model';
export { createModel, loadModel } from './load-model';
export type { BagPrediction, HeadAttention, PairPrediction, PredictOptions } from './prediction';
export type { ModelArtifacts, WeightsManifest } from './weights/manifest';
export { WeightsError, packWeights, parseManifest } from './weights/manifest';
export { fetchArtifacts } from './weights/url';
export {
  deleteArtifactsFromIndexedDB,
  listIndexedDBModels,
  loadArtifactsFromIndexedDB,
  saveArtifactsToIndexedDB,
} from './weights/indexeddb';
