import * as tf from '@tensorflow/tfjs-core';
import { inStage } from './stage-marks';

/** Weights by manifest name; a lookup of a missing name is a programming error and throws. */
export interface WeightLookup {
  get(name: string): tf.Tensor;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * How GELU's tanh approximation is computed: the same function either way (1 + tanh(u) = 2σ(2u)), with
 * outputs that differ by float rounding only.
 * - 'tanh': 0.5·x·(1 + tanh(u)), u = √(2/π)(x + 0.044715x³). Training uses it: the shipped weights were
 *   trained with it, and `npm run train:default` regenerates them bit for bit only if it stays.
 * - 'sigmoid': x·σ(2u), in fewer and cheaper kernels (WASM has no fast tanh or pow): a patient's
 *   prediction about a quarter faster (`npm run bench`). Prediction uses it.
 */
export type GeluForm = 'tanh' | 'sigmoid';

/**
 * GELU, tanh approximation. Written with elementary ops because not every backend has an erf kernel,
 * and the approximation keeps WebGPU and WASM within 1e-3 of each other.
 */
export function gelu(x: tf.Tensor, form: GeluForm): tf.Tensor {
  return inStage('GELU', () => {
    if (form === 'sigmoid') {
      const inner = tf.mul(x, tf.add(tf.mul(tf.square(x), 0.044715), 1));
      return tf.mul(x, tf.sigmoid(tf.mul(inner, 2 * SQRT_2_OVER_PI)));
    }
    const cubic = tf.mul(tf.pow(x, 3), 0.044715);
    const inner = tf.mul(tf.add(x, cubic), SQRT_2_OVER_PI);
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  });
}

/** y = x W + b over the last axis, for inputs of any rank (flattened to 2-D for one matMul). */
export function dense(x: tf.Tensor, weights: WeightLookup, name: string): tf.Tensor {
  const kernel = weights.get(`${name}.kernel`) as tf.Tensor2D;
  const bias = weights.get(`${name}.bias`);
  const inputWidth = kernel.shape[0];
  const leading = x.shape.slice(0, -1);
  const flat = tf.reshape(x, [-1, inputWidth]);
  const out = tf.add(tf.matMul(flat, kernel), bias);
  return tf.reshape(out, [...leading, kernel.shape[1]]);
}

/** LayerNorm over the last axis with learned gain and bias. */
export function layerNorm(x: tf.Tensor, weights: WeightLookup, name: string, epsilon = 1e-5): tf.Tensor {
  return inStage('layer norm', () => {
    const { mean, variance } = tf.moments(x, -1, true);
    const normalised = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon)));
    return tf.add(tf.mul(normalised, weights.get(`${name}.gamma`)), weights.get(`${name}.beta`));
  });
}
