import * as tf from '@tensorflow/tfjs-core';
import type { HomNetArchitecture } from './architecture';
import { bagBlock } from './bag-block';
import { cmsBlock } from './cms-block';
import { homBlock } from './hom-block';
import { calibrateInput } from './input-calibration';
import type { BatchTensors } from './inputs';
import { inStage } from './stage-marks';
import type { GeluForm, WeightLookup } from './tensor-ops';

/** Every tensor the network produces for a batch; the caller tidies or disposes them. */
export interface ForwardOutput {
  /** [B] logits of the bags' abnormal probability. */
  readonly logits: tf.Tensor1D;
  /** [P] bag weight α_i of each pair. */
  readonly alphas: tf.Tensor1D;
  /** Per alignment layer [2P, n_h, n_r, n_r]; rows 0…P−1 direction 1→2, rows P…2P−1 direction 2→1. */
  readonly attention: tf.Tensor4D[];
  /** [2P, n_r] size of the last layer's difference feature ‖r̂^e‖, homologs 1 then homologs 2. */
  readonly differenceNorms: tf.Tensor2D;
}

/**
 * HomNet end to end: the lab's input calibration and CMSBlock on every chromosome, HomBlock on every pair,
 * BagBlock on every bag.
 */
export function forward(
  batch: BatchTensors,
  weights: WeightLookup,
  arch: HomNetArchitecture,
  geluForm: GeluForm,
): ForwardOutput {
  const p = batch.first.shape[0];
  // One CMSBlock pass over both homologs of all pairs: twice the rows, half the kernel launches.
  const chromosomes = inStage('input calibration', () =>
    calibrateInput(tf.concat([batch.first, batch.second], 0), weights),
  );
  const metadata = tf.concat([batch.metadata, batch.metadata], 0);
  const regions = cmsBlock(chromosomes, metadata, weights, arch, geluForm);
  const first = tf.slice(regions, [0, 0, 0], [p, -1, -1]);
  const second = tf.slice(regions, [p, 0, 0], [p, -1, -1]);
  const hom = homBlock(first, second, weights, arch, geluForm, batch.measures);
  const bag = bagBlock(hom.pairs, batch.membership, weights, geluForm);
  return {
    logits: bag.logits,
    alphas: bag.alphas,
    attention: hom.attention,
    differenceNorms: hom.differenceNorms,
  };
}
