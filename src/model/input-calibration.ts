import * as tf from '@tensorflow/tfjs-core';
import { INPUT_CALIBRATION } from './parameters';
import type { WeightLookup } from './tensor-ops';

/**
 * A lab's darkness curve (see INPUT_CALIBRATION) on profiles of any shape:
 * v′ = v + v·(a + b·(1 − v) + c·(1 − v)·(2v − 1)). Zero coefficients give v′ = v exactly, and v = 0
 * (background, padding after q-ter) stays 0 whatever they are, so relative length is untouched.
 */
export function calibrateInput<T extends tf.Tensor>(profiles: T, weights: WeightLookup): T {
  const coefficients = weights.get(INPUT_CALIBRATION.name);
  const [a, b, c] = tf.unstack(coefficients);
  if (!a || !b || !c) throw new Error(`${INPUT_CALIBRATION.name} must hold three coefficients`);
  const light = tf.sub(1, profiles);
  const curve = tf.add(a, tf.mul(light, tf.add(b, tf.mul(c, tf.sub(tf.mul(profiles, 2), 1)))));
  return tf.add(profiles, tf.mul(profiles, curve));
}
