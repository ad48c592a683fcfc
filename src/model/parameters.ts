import type { HomNetArchitecture } from './architecture';
import { INPUT_CALIBRATION_COEFFICIENTS, METADATA_LENGTH, regionCount } from './architecture';
import { PAIR_MEASURE_COUNT } from './pair-measures';
import { PROFILE_ROWS } from '../shared/profile';
import { createRandom } from '../shared/random';

/**
 * Which block a weight belongs to; fine-tuning freezes CMSBlock and the first alignment layer, and
 * 'input' (a lab's input calibration) is fitted only by fine-tuning.
 */
export type ParameterBlock = 'input' | 'cms' | `align${number}` | 'pair' | 'bag';

/**
 * How a weight is initialised. 'identity' and 'negative-identity' (square kernels, plus a little Glorot
 * noise) start each alignment layer as r − Σ softmax(r·r′) r′: a real difference between a region and
 * its best match on the other homolog, which is what Eq. 7 is for, instead of waiting for training to
 * discover W_head ≈ −I from random weights.
 */
type Initialiser = 'glorot' | 'zeros' | 'ones' | 'identity' | 'negative-identity';

export interface ParameterSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly block: ParameterBlock;
  readonly init: Initialiser;
  /** Whether AdamW's decoupled weight decay applies (kernels yes; biases and norms no). */
  readonly decay: boolean;
  /**
   * Added after the first models shipped: a model file without it loads with its initial value, which
   * leaves that model's predictions exactly as they were.
   */
  readonly optional?: boolean;
  /** Step size of this weight whatever the run's learning rate (see INPUT_CALIBRATION). */
  readonly learningRate?: number;
}

/**
 * A lab's input calibration: three coefficients (a, b, c) of a darkness curve
 * v′ = v + v·(a + b·(1 − v) + c·(1 − v)·(2v − 1)), identity at zero and always 0 at 0 (background and
 * padding stay 0). Another lab's staining and scanner mostly change how dark the same bands come out
 * (measured on the simulated other lab: median darkness 0.36 against our 0.54, profile shapes
 * correlated at 0.95), which CMSBlock, frozen during fine-tuning, cannot undo; these three numbers can.
 * At a fine-tuning rate of 1e-5 or 1e-4 they would hardly move, so they have their own step size.
 */
export const INPUT_CALIBRATION = {
  name: 'input.calibration',
  coefficients: INPUT_CALIBRATION_COEFFICIENTS,
  learningRate: 3e-3,
} as const;

function dense(name: string, block: ParameterBlock, inputs: number, outputs: number): ParameterSpec[] {
  return [
    { name: `${name}.kernel`, shape: [inputs, outputs], block, init: 'glorot', decay: true },
    { name: `${name}.bias`, shape: [outputs], block, init: 'zeros', decay: false },
  ];
}

function alignmentKernel(
  name: string,
  block: ParameterBlock,
  width: number,
  init: Initialiser,
): ParameterSpec[] {
  return [
    { name: `${name}.kernel`, shape: [width, width], block, init, decay: true },
    { name: `${name}.bias`, shape: [width], block, init: 'zeros', decay: false },
  ];
}

function norm(name: string, block: ParameterBlock, width: number): ParameterSpec[] {
  return [
    { name: `${name}.gamma`, shape: [width], block, init: 'ones', decay: false },
    { name: `${name}.beta`, shape: [width], block, init: 'zeros', decay: false },
  ];
}

/**
 * Every weight of HomNet in a fixed order; names are stable, they are the keys of a weights manifest.
 */
export function parameterSpecs(arch: HomNetArchitecture): ParameterSpec[] {
  const nr = regionCount(arch);
  const lr = arch.regionChannels;
  const specs: ParameterSpec[] = [
    {
      name: INPUT_CALIBRATION.name,
      shape: [INPUT_CALIBRATION.coefficients],
      block: 'input',
      init: 'zeros',
      decay: false,
      optional: true,
      learningRate: INPUT_CALIBRATION.learningRate,
    },
    // Eq. 1: the (2, k_mg) convolution with stride (2, k_mg), written as a dense map of each region's samples.
    ...dense('cms.merge', 'cms', PROFILE_ROWS * arch.mergeRange, lr),
    // Eq. 2: W_info(c ⊕ b), reshaped to n_r × l_r; its bias doubles as a learned positional code.
    ...dense('cms.info', 'cms', METADATA_LENGTH, nr * lr),
    // Eq. 3: per-region MLP, weights shared across regions.
    ...norm('cms.local.norm', 'cms', lr),
    ...dense('cms.local.hidden', 'cms', lr, 2 * lr),
    ...dense('cms.local.out', 'cms', 2 * lr, lr),
    // Eq. 4: MLP across regions (on the transposed representation).
    ...norm('cms.global.norm', 'cms', lr),
    ...dense('cms.global.hidden', 'cms', nr, 2 * nr),
    ...dense('cms.global.out', 'cms', 2 * nr, nr),
  ];
  for (let layer = 0; layer < arch.alignmentLayers; layer++) {
    const block: ParameterBlock = `align${layer}`;
    const prefix = `hom.align${layer}`;
    specs.push(
      ...alignmentKernel(`${prefix}.query`, block, lr, 'identity'),
      ...alignmentKernel(`${prefix}.key`, block, lr, 'identity'),
      ...alignmentKernel(`${prefix}.value`, block, lr, 'identity'),
      ...alignmentKernel(`${prefix}.head`, block, lr, 'negative-identity'),
      ...alignmentKernel(`${prefix}.diff`, block, lr, 'identity'),
    );
  }
  specs.push(
    // Eq. 8: W_hom over Flat(R̂_1) ⊕ Flat(R̂_2).
    ...dense('hom.pair', 'pair', 2 * nr * lr, arch.pairWidth),
    // Beside Eq. 8: the pair measures' share of H'_i (no bias of its own; hom.pair's serves). Zero at
    // first, so training starts from the paper's network and adds the measures as they help.
    ...(arch.pairMeasures
      ? [
          {
            name: 'hom.measures.kernel',
            shape: [PAIR_MEASURE_COUNT, arch.pairWidth],
            block: 'pair' as const,
            init: 'zeros' as const,
            decay: true,
          },
        ]
      : []),
    // Eq. 9: the MLP of the bag weight α_i.
    ...dense('bag.alpha.hidden', 'bag', arch.pairWidth, arch.bagWeightHidden),
    ...dense('bag.alpha.out', 'bag', arch.bagWeightHidden, 1),
    // Eq. 10: W_bag.
    ...dense('bag.out', 'bag', arch.pairWidth, 1),
  );
  return specs;
}

/** Number of scalars in a shape. */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/**
 * The initial value of a weight whose initialiser draws nothing at random (what an optional weight
 * absent from an older model file is given).
 */
export function initialValue(spec: ParameterSpec): Float32Array {
  if (spec.init !== 'zeros' && spec.init !== 'ones') {
    throw new Error(`"${spec.name}" has a random initial value; it cannot be filled in`);
  }
  return new Float32Array(shapeSize(spec.shape)).fill(spec.init === 'ones' ? 1 : 0);
}

/**
 * Seeded initial values (Glorot uniform kernels, zero biases, unit norms), identical on every platform
 * because they come from our own PRNG rather than a backend's.
 */
export function initialValues(arch: HomNetArchitecture, seed: number): Map<string, Float32Array> {
  const random = createRandom(seed);
  const values = new Map<string, Float32Array>();
  for (const spec of parameterSpecs(arch)) {
    const data = new Float32Array(shapeSize(spec.shape));
    if (spec.init === 'ones') data.fill(1);
    const [fanIn = 1, fanOut = 1] = spec.shape;
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    if (spec.init === 'glorot') {
      for (let i = 0; i < data.length; i++) data[i] = random.uniform(-limit, limit);
    }
    if (spec.init === 'identity' || spec.init === 'negative-identity') {
      const sign = spec.init === 'identity' ? 1 : -1;
      for (let i = 0; i < data.length; i++) data[i] = 0.1 * random.uniform(-limit, limit);
      for (let d = 0; d < fanIn; d++) data[d * fanOut + d] = (data[d * fanOut + d] ?? 0) + sign;
    }
    values.set(spec.name, data);
  }
  return values;
}
