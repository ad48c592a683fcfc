import * as tf from '@tensorflow/tfjs-core';
import { variableFrom } from '../weights-store';

export interface AdamWOptions {
  /** Step size; the paper uses 1e-3 for pretraining and 1e-5 for fine-tuning. */
  learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** Decoupled weight decay (Loshchilov & Hutter), applied only to weights marked for decay. */
  readonly weightDecay?: number;
  /** Clip the global gradient norm to this value before the update (none when undefined). */
  readonly clipNorm?: number;
}

/** Optimiser state, for checkpoints. */
export interface AdamWState {
  readonly step: number;
  readonly learningRate: number;
  readonly moments: Record<string, { m: Float32Array; v: Float32Array }>;
}

/** One weight to update with its gradient. */
export interface WeightUpdate {
  readonly variable: tf.Variable;
  readonly gradient: tf.Tensor;
  readonly decay: boolean;
  /** This weight's own step size, instead of the optimizer's (the input calibration has one). */
  readonly learningRate?: number;
}

/**
 * Adam with decoupled weight decay. tfjs ships Adam but not AdamW; writing the update here also keeps
 * its state inspectable (and saveable for resumed training).
 */
export class AdamW {
  private step = 0;
  private readonly moments = new Map<tf.Variable, { m: tf.Variable; v: tf.Variable }>();
  readonly options: Required<Omit<AdamWOptions, 'clipNorm'>> & Pick<AdamWOptions, 'clipNorm'>;

  constructor(options: AdamWOptions) {
    this.options = {
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
      weightDecay: 0.01,
      ...options,
    };
  }

  get iterations(): number {
    return this.step;
  }

  setLearningRate(learningRate: number): void {
    this.options.learningRate = learningRate;
  }

  /** Applies one update to every listed weight; weights not listed (frozen ones) are never touched. */
  apply(updates: readonly WeightUpdate[]): void {
    this.step++;
    const { learningRate, beta1, beta2, epsilon, weightDecay, clipNorm } = this.options;
    const correction1 = 1 - beta1 ** this.step;
    const correction2 = 1 - beta2 ** this.step;
    tf.tidy(() => {
      let scale: tf.Scalar | number = 1;
      if (clipNorm !== undefined) {
        const squares = updates.map((u) => tf.sum(tf.square(u.gradient)));
        const norm = tf.sqrt(tf.addN(squares));
        scale = tf.minimum<tf.Scalar>(1, tf.div(clipNorm, tf.add(norm, 1e-12)));
      }
      for (const { variable, gradient, decay, learningRate: ownRate } of updates) {
        const state = this.stateOf(variable);
        const g = tf.mul(gradient, scale);
        state.m.assign(tf.add(tf.mul(state.m, beta1), tf.mul(g, 1 - beta1)));
        state.v.assign(tf.add(tf.mul(state.v, beta2), tf.mul(tf.square(g), 1 - beta2)));
        const mHat = tf.div(state.m, correction1);
        const vHat = tf.div(state.v, correction2);
        let delta = tf.div(mHat, tf.add(tf.sqrt(vHat), epsilon));
        if (decay && weightDecay > 0) delta = tf.add(delta, tf.mul(variable, weightDecay));
        variable.assign(tf.sub(variable, tf.mul(delta, ownRate ?? learningRate)));
      }
    });
  }

  private stateOf(variable: tf.Variable): { m: tf.Variable; v: tf.Variable } {
    let state = this.moments.get(variable);
    if (!state) {
      state = {
        m: tf.variable(tf.zerosLike(variable), false),
        v: tf.variable(tf.zerosLike(variable), false),
      };
      this.moments.set(variable, state);
    }
    return state;
  }

  /** Moments and step count by weight name, for resumable training. */
  async exportState(names: ReadonlyMap<tf.Variable, string>): Promise<AdamWState> {
    const moments: AdamWState['moments'] = {};
    for (const [variable, { m, v }] of this.moments) {
      const name = names.get(variable);
      if (name === undefined) continue;
      moments[name] = { m: Float32Array.from(await m.data()), v: Float32Array.from(await v.data()) };
    }
    return { step: this.step, learningRate: this.options.learningRate, moments };
  }

  /** Restores what exportState saved; weights not in the state start with zero moments. */
  importState(state: AdamWState, variables: ReadonlyMap<string, tf.Variable>): void {
    this.dispose();
    this.step = state.step;
    this.options.learningRate = state.learningRate;
    for (const [name, { m, v }] of Object.entries(state.moments)) {
      const variable = variables.get(name);
      if (!variable) throw new Error(`optimizer state names an unknown weight "${name}"`);
      if (m.length !== variable.size || v.length !== variable.size) {
        throw new Error(`optimizer state of "${name}" does not fit its weight`);
      }
      this.moments.set(variable, {
        m: variableFrom(m, variable.shape, false),
        v: variableFrom(v, variable.shape, false),
      });
    }
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
  }
}
