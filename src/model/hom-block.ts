import * as tf from '@tensorflow/tfjs-core';
import type { HomNetArchitecture } from './architecture';
import { headWidth, regionCount } from './architecture';
import type { WeightLookup } from './tensor-ops';
import { inStage } from './stage-marks';
import { dense, gelu, type GeluForm } from './tensor-ops';

/** What one alignment layer produces for P pairs, both directions stacked: rows 0…P−1 are homolog 1. */
export interface AlignmentOutput {
  /** [2P, n_r, l_r] difference features R̂ (Eq. 7). */
  readonly differences: tf.Tensor3D;
  /** [2P, n_h, n_r, n_r] attention of each region e over the other homolog's regions z (softmax over z). */
  readonly attention: tf.Tensor4D;
}

/**
 * One multi-head alignment layer (Eqs. 5–7) applied in both directions with shared weights.
 *
 * @param self [2P, n_r, l_r] the homolog being described: homologs 1 of all pairs, then homologs 2.
 * @param other [2P, n_r, l_r] its partner in the same order (homologs 2, then homologs 1).
 */
export function alignmentLayer(
  self: tf.Tensor3D,
  other: tf.Tensor3D,
  weights: WeightLookup,
  arch: HomNetArchitecture,
  layer: number,
): AlignmentOutput {
  const rows = self.shape[0];
  const nr = regionCount(arch);
  const nh = arch.heads;
  const da = headWidth(arch);
  const prefix = `hom.align${layer}`;
  const splitHeads = (x: tf.Tensor): tf.Tensor3D =>
    tf.reshape(tf.transpose(tf.reshape(x, [rows, nr, nh, da]), [0, 2, 1, 3]), [rows * nh, nr, da]);

  const queries = splitHeads(dense(self, weights, `${prefix}.query`));
  const keys = splitHeads(dense(other, weights, `${prefix}.key`));
  const values = splitHeads(dense(other, weights, `${prefix}.value`));

  // Eq. 5, scaled dot products, and Eq. 6's normalisation over z as a softmax.
  // Explicit transpose: WASM runs transposed products far slower than plain ones.
  const products = inStage('attention', () => tf.matMul(queries, tf.transpose(keys, [0, 2, 1])));
  const attention = inStage('attention softmax', () => tf.softmax(tf.div(products, Math.sqrt(da))));
  const aligned = inStage('attention', () => tf.matMul(attention, values));
  const concatenated = tf.reshape(tf.transpose(tf.reshape(aligned, [rows, nh, nr, da]), [0, 2, 1, 3]), [
    rows,
    nr,
    nh * da,
  ]);

  // Eq. 7: r̂ = W_diff(r + W_head(r̃¹ ⊕ … ⊕ r̃^{n_h})).
  const combined = tf.add(self, dense(concatenated, weights, `${prefix}.head`));
  const differences = dense(combined, weights, `${prefix}.diff`) as tf.Tensor3D;
  return { differences, attention: tf.reshape(attention, [rows, nh, nr, nr]) };
}

/** HomBlock output for P pairs. */
export interface HomBlockOutput {
  /** [P, pairWidth] pair representations H'_i (Eq. 8), symmetric in the two homologs. */
  readonly pairs: tf.Tensor2D;
  /** Per alignment layer, [2P, n_h, n_r, n_r]: rows 0…P−1 are direction 1→2, rows P…2P−1 are 2→1. */
  readonly attention: tf.Tensor4D[];
  /** [2P, n_r] ‖r̂^e‖ of the last layer: rows 0…P−1 homolog 1, rows P…2P−1 homolog 2. */
  readonly differenceNorms: tf.Tensor2D;
}

/**
 * HomBlock (Eqs. 5–8) for P pairs. Both directions use the same weights and read the previous
 * layer's output of both homologs, and Eq. 8 is averaged over both orders of the concatenation, so
 * swapping the two homologs of a pair leaves H'_i unchanged by construction (which homolog is "1" is
 * arbitrary in a karyogram).
 *
 * @param first [P, n_r, l_r] CMSBlock features of homolog 1 of each pair.
 * @param second [P, n_r, l_r] CMSBlock features of homolog 2.
 * @param measures [P, PAIR_MEASURE_COUNT] scaled pair measures; required when `arch.pairMeasures`.
 */
export function homBlock(
  first: tf.Tensor3D,
  second: tf.Tensor3D,
  weights: WeightLookup,
  arch: HomNetArchitecture,
  geluForm: GeluForm,
  measures?: tf.Tensor2D,
): HomBlockOutput {
  const p = first.shape[0];
  let self = tf.concat([first, second], 0);
  let other = tf.concat([second, first], 0);
  const attention: tf.Tensor4D[] = [];
  for (let layer = 0; layer < arch.alignmentLayers; layer++) {
    const out = alignmentLayer(self, other, weights, arch, layer);
    attention.push(out.attention);
    self = out.differences;
    // The partner of row i is row (i + P) mod 2P: the same layer's output for the other homolog.
    other = tf.concat([tf.slice(self, [p, 0, 0], [p, -1, -1]), tf.slice(self, [0, 0, 0], [p, -1, -1])], 0);
  }
  const differenceNorms = tf.sqrt(tf.sum(tf.square(self), -1)) as tf.Tensor2D;

  // Eq. 8 with W_hom = [W_a; W_b]: H' = ½(σ(W_a f1 + W_b f2 + b) + σ(W_a f2 + W_b f1 + b)).
  const flat = tf.reshape<tf.Rank.R2>(self, [2 * p, -1]);
  const kernel = weights.get('hom.pair.kernel') as tf.Tensor2D;
  const half = kernel.shape[0] / 2;
  const kernelA = tf.slice(kernel, [0, 0], [half, -1]);
  const kernelB = tf.slice(kernel, [half, 0], [half, -1]);
  const projectedA = tf.matMul<tf.Tensor2D>(flat, kernelA);
  const projectedB = tf.matMul<tf.Tensor2D>(flat, kernelB);
  // The measures are symmetric in the homologs, so adding them to both orders keeps H'_i symmetric.
  let bias = weights.get('hom.pair.bias');
  if (arch.pairMeasures) {
    if (!measures) throw new Error('this architecture reads pair measures; the batch has none');
    bias = tf.add(bias, tf.matMul(measures, weights.get('hom.measures.kernel') as tf.Tensor2D));
  }
  const rowsOf = (x: tf.Tensor2D, from: number): tf.Tensor2D => tf.slice(x, [from, 0], [p, -1]);
  const order12 = tf.add(tf.add(rowsOf(projectedA, 0), rowsOf(projectedB, p)), bias);
  const order21 = tf.add(tf.add(rowsOf(projectedA, p), rowsOf(projectedB, 0)), bias);
  const pairs = tf.mul<tf.Tensor2D>(tf.add(gelu(order12, geluForm), gelu(order21, geluForm)), 0.5);
  return { pairs, attention, differenceNorms };
}
