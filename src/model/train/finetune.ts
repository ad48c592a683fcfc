import type { HomNetModel } from '../homnet-model';
import { createRandom } from '../../shared/random';
import type { AdamW } from './adamw';
import type { BagSamplerOptions, SampledBag } from './bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from './bag-sampler';
import type { DatasetCase } from './dataset';
import type { CaseLabels } from './lab-bags';
import { FINE_TUNE_RECIPE } from './finetune-recipe';
import { calibrateToReference } from './input-reference';
import { labelledCaseBags } from './lab-bags';
import type { TrainerState, TrainingProgress } from './trainer';
import { train } from './trainer';
import { decayForRun } from './weight-average';

export interface FineTuneOptions {
  readonly model: HomNetModel;
  readonly optimizer: AdamW;
  /** The lab's cases chosen for training (never those it evaluates on). */
  readonly training: readonly DatasetCase[];
  readonly labels: CaseLabels;
  /** Held-back bags for early stopping (validation AUC). */
  readonly validation: readonly SampledBag[];
  readonly steps: number;
  /** Bags per step, how often early stopping looks, and its patience: FINE_TUNE_RECIPE's unless given. */
  readonly batch?: number;
  readonly evaluateEvery?: number;
  readonly patience?: number;
  readonly seed: number;
  readonly sampler?: BagSamplerOptions;
  readonly onProgress?: (progress: TrainingProgress) => void;
  /** After every step (see TrainerOptions.onStep). */
  readonly onStep?: (step: number) => void | Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * The paper's per-lab fine-tuning (section 4.1): CMSBlock and the first alignment layer frozen, the rest
 * trained on the lab's own cases, early stopping on validation AUC. What is evaluated and kept is the average
 * of the weights over the run (FINE_TUNE_RECIPE.averagingShare). The input calibration first matches
 * the lab's darkness to the pretraining data's, then learns with the rest. A quarter of each batch is the
 * lab's reviewed abnormal types (when it has any), the rest pretraining-style bags from its cases,
 * artificial abnormalities included, so that a lab with few positives still gets a balanced signal.
 */
export async function fineTune(options: FineTuneOptions): Promise<TrainerState> {
  const sampler = options.sampler ?? DEFAULT_SAMPLER;
  const reviewed = options.training.flatMap((c) => labelledCaseBags(c, options.labels));
  const positives = reviewed.filter((b) => b.label === 1);
  await calibrateToReference(options.model, options.training);
  return train({
    model: options.model,
    optimizer: options.optimizer,
    policy: 'fine-tune',
    validation: options.validation,
    evaluateEvery: options.evaluateEvery ?? FINE_TUNE_RECIPE.evaluateEvery,
    patience: options.patience ?? FINE_TUNE_RECIPE.patience,
    maxSteps: options.steps,
    averageDecay: decayForRun(options.steps, FINE_TUNE_RECIPE.averagingShare),
    nextBatch: (step) => {
      const random = createRandom(options.seed * 7919 + step);
      return Array.from({ length: options.batch ?? FINE_TUNE_RECIPE.batch }, (_, i) =>
        positives.length > 0 && i % 4 === 0
          ? random.pick(positives)
          : sampleBag(options.training, random, sampler),
      );
    },
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onStep ? { onStep: options.onStep } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
