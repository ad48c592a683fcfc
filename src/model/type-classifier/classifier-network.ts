import * as tf from '@tensorflow/tfjs-core';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type { Random } from '../../shared/random';
import { variableFrom } from '../weights-store';
import { CELL_FIGURES, TRACK_CHANNELS, TRACK_POINTS } from './type-features';

/** Classes the classifier tells apart: 1–22, X, Y in karyogram order. */
export const TYPE_CLASSES = CHROMOSOME_TYPES.length;

/**
 * A small 1-D convolutional network over the tracks (four convolutions, each pair followed by halving
 * the points), then two dense layers that also see the cell-relative figures. About 95,000 weights:
 * the banding of a type is local (a dark band here, a pale one there) and its place along the length
 * matters, so the convolutions find the bands and the first dense layer keeps their positions.
 */
const CONVOLUTIONS = [
  { name: 'conv1', kernel: 5, channels: 32 },
  { name: 'conv2', kernel: 5, channels: 32, poolAfter: true },
  { name: 'conv3', kernel: 3, channels: 64, poolAfter: true },
  { name: 'conv4', kernel: 3, channels: 64, poolAfter: true },
] as const;

const HIDDEN = 128;

/** Track points left after the poolings. */
const POOLED_POINTS = TRACK_POINTS / 2 ** CONVOLUTIONS.filter((c) => 'poolAfter' in c).length;

/** One weight of the network. */
export interface ClassifierParameter {
  readonly name: string;
  readonly shape: readonly number[];
  /** Inputs feeding each output, for He initialisation (0 for biases, which start at zero). */
  readonly fanIn: number;
}

/** Every weight in a fixed order: the order of the weights file. */
export function classifierParameters(): ClassifierParameter[] {
  const out: ClassifierParameter[] = [];
  let channels: number = TRACK_CHANNELS;
  for (const conv of CONVOLUTIONS) {
    out.push({
      name: `${conv.name}.kernel`,
      shape: [conv.kernel, channels, conv.channels],
      fanIn: conv.kernel * channels,
    });
    out.push({ name: `${conv.name}.bias`, shape: [conv.channels], fanIn: 0 });
    channels = conv.channels;
  }
  const flat = POOLED_POINTS * channels + CELL_FIGURES;
  out.push({ name: 'hidden.kernel', shape: [flat, HIDDEN], fanIn: flat });
  out.push({ name: 'hidden.bias', shape: [HIDDEN], fanIn: 0 });
  out.push({ name: 'out.kernel', shape: [HIDDEN, TYPE_CLASSES], fanIn: HIDDEN });
  out.push({ name: 'out.bias', shape: [TYPE_CLASSES], fanIn: 0 });
  return out;
}

export const parameterCount = (parameters: readonly ClassifierParameter[]): number =>
  parameters.reduce((sum, p) => sum + p.shape.reduce((a, b) => a * b, 1), 0);

/** The network's weights as variables, by parameter name. */
export class ClassifierWeights {
  readonly parameters = classifierParameters();
  private readonly variables = new Map<string, tf.Variable>();

  constructor(values: ReadonlyMap<string, Float32Array>) {
    for (const p of this.parameters) {
      const data = values.get(p.name);
      const size = p.shape.reduce((a, b) => a * b, 1);
      if (!data || data.length !== size)
        throw new Error(`type classifier: "${p.name}" needs ${size} values, got ${data?.length ?? 'none'}`);
      this.variables.set(p.name, variableFrom(data, p.shape, true));
    }
  }

  /** He-initialised weights (zero biases) from a seeded generator. */
  static initial(random: Random): ClassifierWeights {
    const values = new Map<string, Float32Array>();
    for (const p of classifierParameters()) {
      const data = new Float32Array(p.shape.reduce((a, b) => a * b, 1));
      if (p.fanIn > 0) {
        const scale = Math.sqrt(2 / p.fanIn);
        for (let i = 0; i < data.length; i++) data[i] = random.normal() * scale;
      }
      values.set(p.name, data);
    }
    return new ClassifierWeights(values);
  }

  get(name: string): tf.Variable {
    const variable = this.variables.get(name);
    if (!variable) throw new Error(`type classifier: no weight "${name}"`);
    return variable;
  }

  list(): { name: string; variable: tf.Variable; decay: boolean }[] {
    return this.parameters.map((p) => ({ name: p.name, variable: this.get(p.name), decay: p.fanIn > 0 }));
  }

  /** Copies the weights out of the backend, in parameter order. */
  async read(): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const p of this.parameters) out.set(p.name, Float32Array.from(await this.get(p.name).data()));
    return out;
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
    this.variables.clear();
  }
}

/** Halves the points of [n, points, channels] by taking the larger of each neighbouring two. */
function halvePoints(x: tf.Tensor3D): tf.Tensor3D {
  const [n, points, channels] = x.shape;
  return tf.max(tf.reshape(x, [n, points / 2, 2, channels]), 2);
}

/**
 * A 'same'-padded 1-D convolution of [n, points, channels] with a [kernel, channels, out] kernel, written
 * as one matrix product over the k shifted copies of the input side by side. tfjs-wasm has no kernel for
 * a convolution's weight gradient; slices, concatenation and matMul it has, forward and backward.
 */
function convolve(x: tf.Tensor3D, kernel: tf.Tensor3D): tf.Tensor3D {
  const [n, points, channels] = x.shape;
  const [size, , out] = kernel.shape;
  const before = Math.floor((size - 1) / 2);
  const padded = tf.pad(x, [
    [0, 0],
    [before, size - 1 - before],
    [0, 0],
  ]);
  const shifted = Array.from({ length: size }, (_, j) => tf.slice(padded, [0, j, 0], [n, points, channels]));
  const columns = tf.reshape(tf.concat(shifted, 2), [n * points, size * channels]);
  return tf.reshape(tf.matMul(columns, tf.reshape(kernel, [size * channels, out])), [n, points, out]);
}

/**
 * Class logits [n, TYPE_CLASSES] for tracks [n, TRACK_POINTS, TRACK_CHANNELS] and figures
 * [n, CELL_FIGURES]. `dropout` (training only) drops that share of the hidden layer.
 */
export function classifierLogits(
  weights: ClassifierWeights,
  tracks: tf.Tensor3D,
  figures: tf.Tensor2D,
  dropout = 0,
): tf.Tensor2D {
  return tf.tidy(() => {
    let x: tf.Tensor3D = tracks;
    for (const conv of CONVOLUTIONS) {
      const kernel = weights.get(`${conv.name}.kernel`) as tf.Tensor3D;
      x = tf.relu(tf.add<tf.Tensor3D>(convolve(x, kernel), weights.get(`${conv.name}.bias`)));
      if ('poolAfter' in conv) x = halvePoints(x);
    }
    const flat = tf.concat([tf.reshape(x, [x.shape[0], -1]), figures], 1);
    let hidden: tf.Tensor = tf.relu(
      tf.add<tf.Tensor2D>(tf.matMul(flat, weights.get('hidden.kernel')), weights.get('hidden.bias')),
    );
    if (dropout > 0) hidden = tf.dropout(hidden, dropout);
    return tf.add<tf.Tensor2D>(tf.matMul(hidden, weights.get('out.kernel')), weights.get('out.bias'));
  });
}
