import * as tf from '@tensorflow/tfjs-core';
import { forward } from '../forward';
import type { HomNetModel } from '../homnet-model';
import type { BagInput } from '../inputs';
import { toBatchTensors } from '../inputs';
import type { AdamW } from './adamw';
import type { FreezePolicy } from './freeze';
import { isFrozen } from './freeze';
import { assertTrainingEnabled } from './enable-training';
import { bagLoss } from './loss';

/** A labelled bag: 1 = abnormal, 0 = normal. */
export interface LabelledBag {
  readonly bag: BagInput;
  readonly label: number;
}

/**
 * Loss and gradients of a batch for every weight that the policy leaves trainable, without updating.
 * The caller disposes the gradients (keyed by manifest name). The loss is read back asynchronously:
 * a synchronous read on WebGPU goes through a canvas and, in a worker, leaves the device unusable.
 */
export async function computeGradients(
  model: HomNetModel,
  batch: readonly LabelledBag[],
  policy: FreezePolicy = 'pretrain',
): Promise<{ loss: number; gradients: Map<string, tf.Tensor> }> {
  assertTrainingEnabled();
  const trainable = model.weights.list((spec) => !isFrozen(spec, policy));
  const { value, grads } = tf.tidy(() => {
    const inputs = toBatchTensors(
      batch.map((b) => b.bag),
      model.architecture.pairMeasures,
    );
    const labels = tf.tensor1d(batch.map((b) => b.label));
    return tf.variableGrads(
      () => bagLoss(forward(inputs, model.weights, model.architecture, 'tanh').logits, labels),
      trainable.map((t) => t.variable),
    );
  });
  let loss: number;
  try {
    loss = (await value.data())[0] ?? Number.NaN;
  } finally {
    value.dispose();
  }
  const gradients = new Map<string, tf.Tensor>();
  for (const { spec, variable } of trainable) {
    const gradient = grads[variable.name];
    if (gradient) gradients.set(spec.name, gradient);
  }
  return { loss, gradients };
}

/** One optimisation step on a batch; returns the batch loss before the update. */
export async function trainStep(
  model: HomNetModel,
  optimizer: AdamW,
  batch: readonly LabelledBag[],
  policy: FreezePolicy = 'pretrain',
): Promise<number> {
  const { loss, gradients } = await computeGradients(model, batch, policy);
  try {
    const updates = model.weights
      .list((spec) => gradients.has(spec.name))
      .map(({ spec, variable }) => ({
        variable,
        gradient: gradients.get(spec.name) as tf.Tensor,
        decay: spec.decay,
        ...(spec.learningRate !== undefined ? { learningRate: spec.learningRate } : {}),
      }));
    optimizer.apply(updates);
  } finally {
    tf.dispose([...gradients.values()]);
  }
  return loss;
}
