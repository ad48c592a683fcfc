import * as tf from '@tensorflow/tfjs-core';

/**
 * Binary cross-entropy of bag logits against labels (1 = abnormal), Eq. 11, computed from logits for
 * numerical stability: mean of max(x, 0) − x·y + log(1 + e^{−|x|}).
 *
 * @param logits [B] bag logits.
 * @param labels [B] 0 or 1 (soft labels in between are allowed).
 */
export function bagLoss(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const positive = tf.relu(logits);
    const linear = tf.mul(logits, labels);
    const softplus = tf.log1p(tf.exp(tf.neg(tf.abs(logits))));
    return tf.mean(tf.add(tf.sub(positive, linear), softplus));
  });
}
