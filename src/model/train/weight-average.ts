import * as tf from '@tensorflow/tfjs-core';
import type { HomNetModel } from '../homnet-model';
import type { FreezePolicy } from './freeze';
import { isFrozen } from './freeze';

/**
 * An exponential moving average of the weights a training policy leaves trainable (Polyak averaging).
 * A lab's fine-tuning takes noisy steps on few cases; the average of its recent weights scores that lab's
 * other cases better than the last ones (docs/fine-tuning.md). The average starts from the weights the
 * model holds when it is made (for fine-tuning: the pretrained ones, after the input calibration's start),
 * so a slow decay also keeps part of them.
 * Frozen weights are neither averaged nor ever written, so they stay bit-identical.
 */
export class WeightAverage {
  private readonly pairs: { readonly variable: tf.Variable; readonly average: tf.Variable }[];

  /** `decay`: the share of the average kept at each update, in [0, 1). */
  constructor(
    model: HomNetModel,
    policy: FreezePolicy,
    readonly decay: number,
  ) {
    if (!(decay >= 0 && decay < 1)) throw new Error(`weight average: decay ${decay} is not in [0, 1)`);
    this.pairs = model.weights
      .list((spec) => !isFrozen(spec, policy))
      .map(({ variable }) => ({ variable, average: tf.variable(variable, false) }));
  }

  /** Folds the current weights into the average (after each optimiser step). */
  update(): void {
    tf.tidy(() => {
      for (const { variable, average } of this.pairs) {
        average.assign(tf.add(tf.mul(average, this.decay), tf.mul(variable, 1 - this.decay)));
      }
    });
  }

  /** Runs `task` with the averaged weights in the model, then puts the trained ones back exactly. */
  async withAveraged<T>(task: () => Promise<T>): Promise<T> {
    const trained = this.pairs.map(({ variable }) => tf.clone(variable));
    try {
      for (const { variable, average } of this.pairs) variable.assign(average);
      return await task();
    } finally {
      this.pairs.forEach(({ variable }, i) => {
        variable.assign(trained[i] as tf.Tensor);
      });
      tf.dispose(trained);
    }
  }

  dispose(): void {
    for (const { average } of this.pairs) average.dispose();
  }
}

/**
 * The decay whose average spans `share` of a run of `steps` steps (time constant `share · steps`), so
 * that a short run in a slow browser is averaged the way a full one is, not frozen at the start.
 */
export function decayForRun(steps: number, share: number): number {
  return 1 - 1 / Math.max(1, share * steps);
}
