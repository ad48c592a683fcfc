import * as tf from '@tensorflow/tfjs-core';
import type { HomNetArchitecture } from './architecture';
import type { ParameterSpec } from './parameters';
import { parameterSpecs, shapeSize } from './parameters';
import type { WeightLookup } from './tensor-ops';

/** A variable holding `values`; the temporary tensor it is made from is released at once. */
export function variableFrom(
  values: Float32Array,
  shape: readonly number[],
  trainable: boolean,
): tf.Variable {
  // tf.variable shares the initial tensor's data, but the temporary handle itself must be disposed.
  const initial = tf.tensor(values, [...shape]);
  const variable = tf.variable(initial, trainable);
  initial.dispose();
  return variable;
}

/**
 * The live weights of one model as tf.Variables (so training can update them in place), keyed by
 * manifest name. Variables are created unnamed: tfjs names must be unique per process, and two models
 * (a base and a fine-tuned one, or one per backend in a test) often live side by side.
 */
export class WeightStore implements WeightLookup {
  readonly specs: readonly ParameterSpec[];
  private readonly variables = new Map<string, tf.Variable>();

  constructor(arch: HomNetArchitecture, values: ReadonlyMap<string, Float32Array>) {
    this.specs = parameterSpecs(arch);
    for (const spec of this.specs) {
      const data = values.get(spec.name);
      if (!data) throw new Error(`weights: missing tensor "${spec.name}"`);
      if (data.length !== shapeSize(spec.shape)) {
        throw new Error(
          `weights: "${spec.name}" has ${data.length} values, expected ${shapeSize(spec.shape)}`,
        );
      }
      this.variables.set(spec.name, variableFrom(data, spec.shape, true));
    }
  }

  get(name: string): tf.Variable {
    const variable = this.variables.get(name);
    if (!variable) throw new Error(`weights: no tensor named "${name}"`);
    return variable;
  }

  /** Variables in spec order, optionally only those passing a filter. */
  list(
    filter: (spec: ParameterSpec) => boolean = () => true,
  ): { spec: ParameterSpec; variable: tf.Variable }[] {
    return this.specs.filter(filter).map((spec) => ({ spec, variable: this.get(spec.name) }));
  }

  /** Copies every weight out of the backend, in spec order. */
  async read(): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    for (const spec of this.specs) {
      const data = await this.get(spec.name).data();
      out.set(spec.name, Float32Array.from(data));
    }
    return out;
  }

  /** Overwrites every weight with `values` (e.g. the best checkpoint), keeping the same variables. */
  assign(values: ReadonlyMap<string, Float32Array>): void {
    for (const spec of this.specs) {
      const data = values.get(spec.name);
      if (!data || data.length !== shapeSize(spec.shape))
        throw new Error(`weights: cannot assign "${spec.name}"`);
      const tensor = tf.tensor(data, [...spec.shape]);
      this.get(spec.name).assign(tensor);
      tensor.dispose();
    }
  }

  /** Variable → manifest name, for optimiser state. */
  names(): Map<tf.Variable, string> {
    return new Map([...this.variables].map(([name, variable]) => [variable, name]));
  }

  dispose(): void {
    for (const variable of this.variables.values()) variable.dispose();
    this.variables.clear();
  }
}
