import type { HomNetArchitecture } from './architecture';
import { DEFAULT_ARCHITECTURE, validateArchitecture } from './architecture';
import type { BackendOptions, BackendPreference } from './backend';
import { useBackend } from './backend';
import type { ModelInfo } from './homnet-model';
import { HomNetModel } from './homnet-model';
import { initialValues } from './parameters';
import { emptyProfile } from '../shared/profile';
import type { ModelArtifacts } from './weights/manifest';
import { packWeights, unpackWeights } from './weights/manifest';
import { fetchArtifacts } from './weights/url';
import { WeightStore } from './weights-store';

interface CommonLoadOptions extends BackendOptions {
  /** Backend to run on; 'auto' (default) takes WebGPU on a real GPU, else WASM. */
  readonly backend?: BackendPreference;
  /** Run one tiny prediction so the first real call does not pay for kernel compilation. */
  readonly warmUp?: boolean;
}

/** Where the weights come from: a manifest URL, or artifacts already in memory. */
export type LoadModelOptions = CommonLoadOptions &
  ({ readonly url: string; readonly fetch?: typeof fetch } | { readonly weights: ModelArtifacts });

async function build(
  values: Map<string, Float32Array>,
  info: ModelInfo,
  options: CommonLoadOptions,
): Promise<HomNetModel> {
  const backend = await useBackend(options.backend ?? 'auto', options);
  const model = new HomNetModel(info, new WeightStore(info.architecture, values), backend);
  if (options.warmUp ?? true) {
    const profile = emptyProfile();
    await model.predict([{ type: '1', pairs: [{ homologs: [profile, profile], bandLevel: 400 }] }]);
  }
  return model;
}

function infoOf(artifacts: ModelArtifacts): ModelInfo {
  const m = artifacts.manifest;
  return {
    id: m.id,
    sha256: m.sha256,
    threshold: m.threshold,
    createdAt: m.createdAt,
    architecture: m.architecture,
    ...(m.parentId !== undefined ? { parentId: m.parentId } : {}),
    ...(m.training !== undefined ? { training: m.training } : {}),
    ...(m.caseCalibration !== undefined ? { caseCalibration: m.caseCalibration } : {}),
  };
}

/**
 * Loads HomNet from a manifest URL or from in-memory artifacts. The checksum and every tensor's
 * name and shape are checked first; a mismatch is refused with a WeightsError naming the problem.
 */
export async function loadModel(options: LoadModelOptions): Promise<HomNetModel> {
  const artifacts = 'url' in options ? await fetchArtifacts(options.url, options.fetch) : options.weights;
  const values = await unpackWeights(artifacts);
  return build(values, infoOf(artifacts), options);
}

export interface CreateModelOptions extends CommonLoadOptions {
  readonly architecture?: Partial<HomNetArchitecture>;
  /** Seed of the weight initialisation; the same seed gives the same weights everywhere. */
  readonly seed: number;
  readonly id?: string;
}

/** A freshly initialised (untrained) HomNet, the starting point of training. */
export async function createModel(options: CreateModelOptions): Promise<HomNetModel> {
  const architecture = { ...DEFAULT_ARCHITECTURE, ...options.architecture };
  validateArchitecture(architecture);
  const values = initialValues(architecture, options.seed);
  const artifacts = await packWeights(
    architecture,
    values,
    options.id !== undefined ? { id: options.id } : {},
  );
  return build(values, infoOf(artifacts), options);
}
