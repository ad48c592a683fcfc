import * as tf from '@tensorflow/tfjs-core';
import type { HomNetArchitecture } from './architecture';
import { regionCount } from './architecture';
import { PROFILE_ROWS } from '../shared/profile';
import type { WeightLookup } from './tensor-ops';
import { dense, gelu, layerNorm, type GeluForm } from './tensor-ops';

/**
 * CMSBlock (paper Eqs. 1–4): chromosome profiles → region representations R''.
 *
 * @param profiles [N, 2, d] darkness profiles (left and right half of N chromosomes).
 * @param metadata [N, 28] one-hot chromosome type ⊕ band level of each chromosome.
 * @returns [N, n_r, l_r] region features.
 */
export function cmsBlock(
  profiles: tf.Tensor3D,
  metadata: tf.Tensor2D,
  weights: WeightLookup,
  arch: HomNetArchitecture,
  geluForm: GeluForm,
): tf.Tensor3D {
  const n = profiles.shape[0];
  const nr = regionCount(arch);
  const lr = arch.regionChannels;
  const k = arch.mergeRange;

  // Eq. 1 + Div: a (2, k) convolution with stride (2, k) sees, for region e, both rows' samples
  // e·k … e·k + k − 1. Gathering those 2k values per region and applying one dense map is the same
  // convolution, and a single large matMul is the fastest way to run it on every backend.
  const regions = tf.reshape(tf.transpose(tf.reshape(profiles, [n, PROFILE_ROWS, nr, k]), [0, 2, 1, 3]), [
    n,
    nr,
    PROFILE_ROWS * k,
  ]);
  const merged = dense(regions, weights, 'cms.merge');

  // Eq. 2: R = Div(W_info(c ⊕ b)) + Div(H^mg).
  const info = tf.reshape(dense(metadata, weights, 'cms.info'), [n, nr, lr]);
  const r = tf.add(merged, info);

  // Eq. 3, per region with shared weights. Pre-LayerNorm (allowed by docs/model.md) keeps the
  // residual stream well scaled so that training from scratch is stable.
  const localHidden = gelu(
    dense(layerNorm(r, weights, 'cms.local.norm'), weights, 'cms.local.hidden'),
    geluForm,
  );
  const rLocal = tf.add(dense(localHidden, weights, 'cms.local.out'), r);

  // Eq. 4, across regions: the MLP runs on R'ᵀ so that each channel mixes information of all regions
  // (how a duplicated region is told apart from its look-alike elsewhere on the chromosome).
  const normed = layerNorm(rLocal, weights, 'cms.global.norm');
  const transposed = tf.transpose(normed, [0, 2, 1]);
  const globalHidden = gelu(dense(transposed, weights, 'cms.global.hidden'), geluForm);
  const mixed = tf.transpose(dense(globalHidden, weights, 'cms.global.out'), [0, 2, 1]);
  return tf.add<tf.Tensor3D>(mixed, rLocal);
}
