import * as tf from '@tensorflow/tfjs-core';
import type { Random } from '../../shared/random';
import { AdamW } from '../train/adamw';
import { enableTraining } from '../train/enable-training';
import { ClassifierWeights, TYPE_CLASSES, classifierLogits } from './classifier-network';
import { featureTensors, packFeatures } from './classify-chromosomes';
import { turnedFeatures, type TypeFeatures } from './type-features';

/** One chromosome to learn from: its features and its type index (karyogram order). */
export interface ClassifierExample {
  readonly features: TypeFeatures;
  readonly type: number;
}

/** How the classifier is trained. */
export interface ClassifierTrainingOptions {
  readonly epochs: number;
  readonly batch: number;
  /** Peak step size (after a short warm-up, it falls along a half cosine to zero by the last step). */
  readonly learningRate: number;
  readonly weightDecay: number;
  /** Share of the hidden layer dropped in training. */
  readonly dropout: number;
  /** Share of the target moved from the true type to all types evenly. */
  readonly labelSmoothing: number;
  /** Each example's length figure is scaled by e^(±this) at random: cells measure lengths unevenly. */
  readonly lengthJitter: number;
}

export const DEFAULT_CLASSIFIER_TRAINING: ClassifierTrainingOptions = {
  epochs: 30,
  batch: 128,
  learningRate: 2e-3,
  weightDecay: 1e-4,
  dropout: 0.3,
  labelSmoothing: 0.05,
  lengthJitter: 0.06,
};

const WARM_UP_STEPS = 200;

/** An example as the network sees it in one training step: turned or not, its length jittered. */
function augmented(example: ClassifierExample, random: Random, lengthJitter: number): TypeFeatures {
  const features = random.next() < 0.5 ? turnedFeatures(example.features) : example.features;
  const scale = Math.exp(random.uniform(-lengthJitter, lengthJitter));
  const figures = Float32Array.from(features.figures);
  figures[0] = (figures[0] ?? 0) * scale;
  figures[1] = (figures[1] ?? 0) + Math.log(scale);
  return { tracks: features.tracks, figures };
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Step size at `step` of `total`: linear warm-up, then half a cosine down to zero. */
export function scheduledRate(peak: number, step: number, total: number): number {
  if (step < WARM_UP_STEPS) return (peak * (step + 1)) / WARM_UP_STEPS;
  const progress = (step - WARM_UP_STEPS) / Math.max(1, total - WARM_UP_STEPS);
  return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
}

/** One optimisation step on a batch; returns the batch's mean loss. */
function trainStep(
  weights: ClassifierWeights,
  optimizer: AdamW,
  batch: readonly ClassifierExample[],
  random: Random,
  options: ClassifierTrainingOptions,
): number {
  const packed = packFeatures(batch.map((e) => augmented(e, random, options.lengthJitter)));
  const smooth = options.labelSmoothing;
  const targets = new Float32Array(batch.length * TYPE_CLASSES).fill(smooth / TYPE_CLASSES);
  batch.forEach((e, i) => (targets[i * TYPE_CLASSES + e.type] = 1 - smooth + smooth / TYPE_CLASSES));
  const variables = weights.list();
  const { value, grads } = tf.tidy(() => {
    const inputs = featureTensors(packed);
    const target = tf.tensor2d(targets, [batch.length, TYPE_CLASSES]);
    return tf.variableGrads(
      () => {
        const logits = classifierLogits(weights, inputs.tracks, inputs.figures, options.dropout);
        return tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1)));
      },
      variables.map((v) => v.variable),
    );
  });
  optimizer.apply(
    variables.map((v) => {
      const gradient = grads[v.variable.name];
      if (!gradient) throw new Error(`type classifier: no gradient for "${v.name}"`);
      return { variable: v.variable, gradient, decay: v.decay };
    }),
  );
  const loss = value.dataSync()[0] ?? NaN;
  value.dispose();
  tf.dispose(Object.values(grads));
  return loss;
}

/** What the training loop reports after each epoch. */
export interface EpochReport {
  readonly epoch: number;
  readonly epochs: number;
  readonly meanLoss: number;
  readonly steps: number;
}

/**
 * Trains fresh weights on `examples` for a fixed number of epochs (no choice of epoch on validation
 * data: the figures measured on held-out patients afterwards are then honest). `onEpoch` sees the
 * weights as they stand and may return false to stop early (a time budget).
 */
export async function trainClassifier(
  examples: readonly ClassifierExample[],
  random: Random,
  options: ClassifierTrainingOptions = DEFAULT_CLASSIFIER_TRAINING,
  onEpoch?: (report: EpochReport, weights: ClassifierWeights) => boolean | Promise<boolean>,
): Promise<ClassifierWeights> {
  if (examples.length === 0) throw new Error('type classifier: nothing to train on');
  await enableTraining();
  const weights = ClassifierWeights.initial(random);
  const optimizer = new AdamW({
    learningRate: options.learningRate,
    weightDecay: options.weightDecay,
    clipNorm: 5,
  });
  const stepsPerEpoch = Math.ceil(examples.length / options.batch);
  const total = stepsPerEpoch * options.epochs;
  let step = 0;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const order = shuffled(examples, random);
      let lossSum = 0;
      for (let start = 0; start < order.length; start += options.batch) {
        optimizer.setLearningRate(scheduledRate(options.learningRate, step, total));
        lossSum += trainStep(weights, optimizer, order.slice(start, start + options.batch), random, options);
        step++;
      }
      const report = { epoch, epochs: options.epochs, meanLoss: lossSum / stepsPerEpoch, steps: step };
      if (onEpoch && !(await onEpoch(report, weights))) break;
    }
  } finally {
    optimizer.dispose();
  }
  return weights;
}
