import * as tf from '@tensorflow/tfjs-core';
import { regionCount } from './architecture';
import { forward, type ForwardOutput } from './forward';
import type { HomNetModel } from './homnet-model';
import { countPairs, toBatchTensors, validateBags, type BagInput, type BatchTensors } from './inputs';
import { groupKernels, stagesByIndex, type CategoryTime, type ProfiledKernel } from './kernel-breakdown';
import { pairMeasures } from './pair-measures';
import { toBagPredictions } from './read-prediction';
import { listenToStages, type MarkedStage } from './stage-marks';

/** Where one patient's predict() spends its time (docs/performance.md): outside and inside the kernels. */
export interface InferenceProfile {
  readonly backend: string;
  readonly pairs: number;
  /** The pair measures (dynamic time warping and the rest, plain JS) of every pair. */
  readonly pairMeasuresMs: number;
  /** Packing the profiles into typed arrays and making the input tensors, pair measures left out. */
  readonly dataPreparationMs: number;
  /** The forward pass as predict() runs it, unprofiled: kernels and the JS that dispatches them. */
  readonly forwardMs: number;
  /** Waiting for the outputs' values (on WebGPU, the GPU's work too). */
  readonly readBackMs: number;
  /** Splitting the values into per-bag, per-pair objects. */
  readonly unpackMs: number;
  /** Kernel times of one profiled forward pass (tf.profile), by category. */
  readonly kernels: readonly CategoryTime[];
  /** Sum of the kernel times; false below when the backend cannot time its kernels (WebGPU without timestamps). */
  readonly kernelMs: number;
  readonly kernelTimesAvailable: boolean;
}

const elapsed = <T>(run: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
};

const outputsOf = (out: ForwardOutput): tf.Tensor[] => [
  out.logits,
  out.alphas,
  out.differenceNorms,
  ...out.attention,
];

/** One forward pass under tf.profile with the stage marks heard: each kernel with its time and stage. */
async function profiledKernels(model: HomNetModel, batch: BatchTensors): Promise<ProfiledKernel[]> {
  const closed: { stage: MarkedStage; from: number; to: number }[] = [];
  const open: { stage: MarkedStage; from: number }[] = [];
  const recorded = (): number => tf.engine().state.activeProfile.kernels.length;
  const stopListening = listenToStages({
    enter: (stage) => open.push({ stage, from: recorded() }),
    exit: () => {
      const stage = open.pop();
      if (stage) closed.push({ ...stage, to: recorded() });
    },
  });
  let info: Awaited<ReturnType<typeof tf.profile>>;
  try {
    info = await tf.profile(() =>
      tf.tidy(() => outputsOf(forward(batch, model.weights, model.architecture, 'sigmoid'))),
    );
  } finally {
    stopListening();
  }
  tf.dispose(info.result);
  const stages = stagesByIndex(info.kernels.length, closed);
  // tf.profile has awaited every kernel's time by now; a backend that cannot time kernels gives an error object.
  return info.kernels.map((kernel, i) => ({
    name: kernel.name,
    ms: typeof kernel.kernelTimeMs === 'number' ? kernel.kernelTimeMs : 0,
    stage: stages[i] ?? null,
  }));
}

/**
 * Profiles one call of the model's predict() on `bags` (at most one chunk of pairs) with attention maps,
 * step by step as predictChunk runs them. Call it after a warm-up: the first pass compiles kernels.
 */
export async function profileInference(
  model: HomNetModel,
  bags: readonly BagInput[],
): Promise<InferenceProfile> {
  validateBags(bags);
  const arch = model.architecture;
  const measures = elapsed(() => {
    if (!arch.pairMeasures) return;
    for (const bag of bags) for (const pair of bag.pairs) pairMeasures(pair.homologs[0], pair.homologs[1]);
  });
  // Packing and upload alone: the pair measures were timed above and would only be counted twice.
  const prepared = elapsed(() => toBatchTensors(bags, false));
  tf.dispose(Object.values(prepared.value) as tf.Tensor[]);
  const batch = toBatchTensors(bags, arch.pairMeasures);
  try {
    const forwarded = elapsed(() => tf.tidy(() => outputsOf(forward(batch, model.weights, arch, 'sigmoid'))));
    const readStart = performance.now();
    const data = await Promise.all(forwarded.value.map((t) => t.data() as Promise<Float32Array>));
    const readBackMs = performance.now() - readStart;
    tf.dispose(forwarded.value);
    const [logits, alphas, differenceNorms, ...attention] = data;
    if (!logits || !alphas || !differenceNorms) throw new Error('model produced no output');
    const unpack = elapsed(() =>
      toBagPredictions(bags, { logits, alphas, differenceNorms, attention }, regionCount(arch), arch.heads),
    );
    const kernels = await profiledKernels(model, batch);
    const kernelMs = kernels.reduce((sum, kernel) => sum + kernel.ms, 0);
    return {
      backend: tf.getBackend(),
      pairs: countPairs(bags),
      pairMeasuresMs: measures.ms,
      dataPreparationMs: prepared.ms,
      forwardMs: forwarded.ms,
      readBackMs,
      unpackMs: unpack.ms,
      kernels: groupKernels(kernels),
      kernelMs,
      kernelTimesAvailable: kernelMs > 0,
    };
  } finally {
    tf.dispose(Object.values(batch) as tf.Tensor[]);
  }
}

/** Wall time of a profile's steps (the kernels are inside the forward pass). */
export const profiledMs = (profile: InferenceProfile): number =>
  profile.pairMeasuresMs +
  profile.dataPreparationMs +
  profile.forwardMs +
  profile.readBackMs +
  profile.unpackMs;

/**
 * The profile of the median run by total time, from several runs: one whole run keeps its parts
 * consistent with each other, where medians taken part by part would not add up.
 */
export function medianRun(profiles: readonly InferenceProfile[]): InferenceProfile {
  const sorted = [...profiles].sort((a, b) => profiledMs(a) - profiledMs(b));
  const middle = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!middle) throw new Error('no profile to choose from');
  return middle;
}
