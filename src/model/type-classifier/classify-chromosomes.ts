import * as tf from '@tensorflow/tfjs-core';
import type { ClassifierWeights } from './classifier-network';
import { TYPE_CLASSES, classifierLogits } from './classifier-network';
import type { TypeFeatures } from './type-features';
import { CELL_FIGURES, TRACK_CHANNELS, TRACK_POINTS, turnedFeatures } from './type-features';

/** Features of many chromosomes packed into the two input tensors' data. */
export function packFeatures(features: readonly TypeFeatures[]): {
  tracks: Float32Array;
  figures: Float32Array;
} {
  const trackSize = TRACK_POINTS * TRACK_CHANNELS;
  const tracks = new Float32Array(features.length * trackSize);
  const figures = new Float32Array(features.length * CELL_FIGURES);
  features.forEach((f, i) => {
    tracks.set(f.tracks, i * trackSize);
    figures.set(f.figures, i * CELL_FIGURES);
  });
  return { tracks, figures };
}

/** Input tensors for packed features (the caller disposes them, or builds them inside a tidy). */
export function featureTensors(packed: { tracks: Float32Array; figures: Float32Array }): {
  tracks: tf.Tensor3D;
  figures: tf.Tensor2D;
} {
  const n = packed.figures.length / CELL_FIGURES;
  return {
    tracks: tf.tensor3d(packed.tracks, [n, TRACK_POINTS, TRACK_CHANNELS]),
    figures: tf.tensor2d(packed.figures, [n, CELL_FIGURES]),
  };
}

/**
 * Each chromosome's probability of every type (TYPE_CLASSES values in karyogram order, summing to 1),
 * averaged over the chromosome as given and turned by 180°: which end is p-ter is not known before the
 * type is. No tensor outlives the call.
 */
export async function classifyChromosomes(
  weights: ClassifierWeights,
  features: readonly TypeFeatures[],
): Promise<Float32Array[]> {
  if (features.length === 0) return [];
  const probabilities = tf.tidy(() => {
    const asGiven = featureTensors(packFeatures(features));
    const turned = featureTensors(packFeatures(features.map(turnedFeatures)));
    const p = tf.softmax(classifierLogits(weights, asGiven.tracks, asGiven.figures));
    const q = tf.softmax(classifierLogits(weights, turned.tracks, turned.figures));
    return tf.div(tf.add(p, q), 2);
  });
  const data = await probabilities.data();
  probabilities.dispose();
  return features.map((_, i) => Float32Array.from(data.subarray(i * TYPE_CLASSES, (i + 1) * TYPE_CLASSES)));
}
