import * as tf from '@tensorflow/tfjs-core';
import type { GeluForm, WeightLookup } from './tensor-ops';
import { dense, gelu } from './tensor-ops';

export interface BagBlockOutput {
  /** [P] bag weight α_i of each pair (Eq. 9), in (0, 1). */
  readonly alphas: tf.Tensor1D;
  /** [B] logit of Ŷ for each bag (Eq. 10, before the sigmoid). */
  readonly logits: tf.Tensor1D;
}

/**
 * BagBlock (Eqs. 9–10). Each pair is gated by its own α_i as in the paper; the gated sum is divided by
 * the bag size m so that a verdict means the same for a case of 1 cell and one of 20 (the plain sum of
 * Eq. 10 grows with m). Pooling is a matMul with a [B, P] membership matrix, so one call scores many bags.
 *
 * @param pairs [P, width] pair representations H'_i of all bags, concatenated.
 * @param membership [B, P] with 1/m_b where pair i belongs to bag b, else 0.
 */
export function bagBlock(
  pairs: tf.Tensor2D,
  membership: tf.Tensor2D,
  weights: WeightLookup,
  geluForm: GeluForm,
): BagBlockOutput {
  const alphaHidden = gelu(dense(pairs, weights, 'bag.alpha.hidden'), geluForm);
  const alphas = tf.sigmoid(dense(alphaHidden, weights, 'bag.alpha.out')) as tf.Tensor2D;
  const pooled = tf.matMul(membership, tf.mul(pairs, alphas));
  const logits = dense(pooled, weights, 'bag.out');
  return { alphas: tf.reshape(alphas, [-1]), logits: tf.reshape(logits, [-1]) };
}
