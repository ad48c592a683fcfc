import { PROFILE_LENGTH, PROFILE_ROWS } from '../shared/profile';
import { BAND_LEVELS, CHROMOSOME_TYPES } from '../shared/chromosome-types';
import { PAIR_MEASURE_COUNT } from './pair-measures';

/**
 * Hyper-parameters of HomNet (paper sections 3.3–3.4, numbers fixed by docs/model.md). Stored in every
 * weights manifest so that a file always says what network it belongs to.
 */
export interface HomNetArchitecture {
  /** Samples per profile row (d). */
  readonly profileLength: number;
  /** Samples merged into one region by the (2, k_mg) convolution ("#merge range"). */
  readonly mergeRange: number;
  /** Channels of a region representation (l_r). */
  readonly regionChannels: number;
  /** Attention heads of each alignment layer (n_h). */
  readonly heads: number;
  /** Stacked alignment layers in HomBlock; fine-tuning freezes the first. */
  readonly alignmentLayers: number;
  /** Width of the pair representation H'_i (Eq. 8). */
  readonly pairWidth: number;
  /** Hidden width of the MLP that scores a pair's bag weight α_i (Eq. 9). */
  readonly bagWeightHidden: number;
  /**
   * Whether Eq. 8 also reads the pair's whole-chromosome measures (PAIR_MEASURES: length ratio, distance
   * of the order-keeping band alignment, …). Ours, not the paper's (MODEL_CARD.md, "What it is").
   */
  readonly pairMeasures: boolean;
}

/** The integer hyper-parameters (every one must be ≥ 1). */
const INTEGER_KEYS = [
  'profileLength',
  'mergeRange',
  'regionChannels',
  'heads',
  'alignmentLayers',
  'pairWidth',
  'bagWeightHidden',
] as const;

/**
 * What a weights manifest written before a hyper-parameter existed means by leaving it out: the network
 * those models were trained as.
 */
export const ABSENT_FROM_OLDER_FILES: Partial<HomNetArchitecture> = {
  pairMeasures: false,
};

export const DEFAULT_ARCHITECTURE: HomNetArchitecture = {
  profileLength: PROFILE_LENGTH,
  mergeRange: 32,
  regionChannels: 64,
  heads: 4,
  alignmentLayers: 2,
  pairWidth: 128,
  bagWeightHidden: 64,
  pairMeasures: true,
};

/**
 * Coefficients of a lab's input calibration (parameters.ts, INPUT_CALIBRATION): the one weight a model
 * file may leave out. Kept here so that weightCount needs nothing from parameters.ts.
 */
export const INPUT_CALIBRATION_COEFFICIENTS = 3;

/** Length of the metadata vector c ⊕ b: one-hot chromosome type (24) and band level (4). */
export const METADATA_LENGTH = CHROMOSOME_TYPES.length + BAND_LEVELS.length;

/** Number of regions n_r = d / k_mg. */
export function regionCount(arch: HomNetArchitecture): number {
  return arch.profileLength / arch.mergeRange;
}

/** Width of one attention head d_a = l_r / n_h. */
export function headWidth(arch: HomNetArchitecture): number {
  return arch.regionChannels / arch.heads;
}

/**
 * Upper bounds of the hyper-parameters a model file may state, checked before anything is built from
 * them: a file's numbers are untrusted, and a spec list, tensors or a forward pass sized by them can
 * take gigabytes (1e8 alignment layers is a billion weight specs). The bounds are 8× the shipped
 * network's (DEFAULT_ARCHITECTURE): far beyond anything trained here (the paper's ablations and our
 * training options only vary the merge range and the region channels, within these) yet small enough
 * that no single number can exhaust a tab. profileLength is fixed and heads must divide regionChannels.
 */
export const ARCHITECTURE_LIMITS = {
  profileLength: PROFILE_LENGTH,
  mergeRange: PROFILE_LENGTH,
  regionChannels: 8 * 64,
  heads: 8 * 4,
  alignmentLayers: 8 * 2,
  pairWidth: 8 * 128,
  bagWeightHidden: 8 * 64,
} as const satisfies Record<(typeof INTEGER_KEYS)[number], number>;

/**
 * At most 8× the shipped network's 16 regions (a merge range of at least 4): CMSBlock's global MLP is
 * n_r × 2n_r and every attention map n_r × n_r.
 */
export const MAX_REGIONS = 8 * 16;

/**
 * At most 2^24 weights (64 MB of float32, 46× the shipped network's 365 thousand). Each number within its
 * own limit still multiplies with the others (W_hom alone is 2·n_r·l_r × pairWidth: 134 million weights
 * at every limit at once), so the total is bounded too.
 */
export const MAX_WEIGHTS = 2 ** 24;

/**
 * How many weights the architecture implies, counted arithmetically (the same tensors as parameterSpecs
 * in parameters.ts, which a test keeps in step): `optional` are those a model file may leave out (the
 * input calibration), `required` all the others. Safe on any numbers, it builds nothing.
 */
export function weightCount(arch: HomNetArchitecture): { required: number; optional: number } {
  const nr = regionCount(arch);
  const lr = arch.regionChannels;
  const pw = arch.pairWidth;
  const bh = arch.bagWeightHidden;
  const dense = (inputs: number, outputs: number): number => inputs * outputs + outputs;
  const cms =
    dense(PROFILE_ROWS * arch.mergeRange, lr) +
    dense(METADATA_LENGTH, nr * lr) +
    2 * lr + // local norm
    dense(lr, 2 * lr) +
    dense(2 * lr, lr) +
    2 * lr + // global norm
    dense(nr, 2 * nr) +
    dense(2 * nr, nr);
  const alignment = arch.alignmentLayers * 5 * dense(lr, lr); // query, key, value, head, diff
  const pair = dense(2 * nr * lr, pw) + (arch.pairMeasures ? PAIR_MEASURE_COUNT * pw : 0);
  const bag = dense(pw, bh) + dense(bh, 1) + dense(pw, 1);
  return { required: cms + alignment + pair + bag, optional: INPUT_CALIBRATION_COEFFICIENTS };
}

/** Throws with a message naming the first inconsistent or out-of-bounds hyper-parameter. */
export function validateArchitecture(arch: HomNetArchitecture): void {
  for (const key of INTEGER_KEYS) {
    const value = arch[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`architecture.${key} must be a positive integer, got ${String(value)}`);
    }
    if (value > ARCHITECTURE_LIMITS[key]) {
      throw new Error(`architecture.${key} ${value} is above the limit of ${ARCHITECTURE_LIMITS[key]}`);
    }
  }
  if (typeof arch.pairMeasures !== 'boolean') {
    throw new Error(`architecture.pairMeasures must be true or false, got ${String(arch.pairMeasures)}`);
  }
  if (arch.profileLength !== PROFILE_LENGTH) {
    throw new Error(`architecture.profileLength must be ${PROFILE_LENGTH}, got ${arch.profileLength}`);
  }
  if (arch.profileLength % arch.mergeRange !== 0) {
    throw new Error(`architecture.mergeRange ${arch.mergeRange} must divide ${arch.profileLength}`);
  }
  if (regionCount(arch) > MAX_REGIONS) {
    throw new Error(
      `architecture.mergeRange ${arch.mergeRange} gives ${regionCount(arch)} regions, above the limit of ${MAX_REGIONS}`,
    );
  }
  if (arch.regionChannels % arch.heads !== 0) {
    throw new Error(`architecture.heads ${arch.heads} must divide regionChannels ${arch.regionChannels}`);
  }
  const { required, optional } = weightCount(arch);
  if (required + optional > MAX_WEIGHTS) {
    throw new Error(
      `architecture implies ${grouped(required + optional)} weights, above the limit of ${grouped(MAX_WEIGHTS)}`,
    );
  }
}

/** 1234567 → "1,234,567", whatever the locale of the machine. */
export const grouped = (count: number): string => count.toLocaleString('en-US');

/** Floating-point operations (multiply-adds × 2) of one pair through the network, for the benchmark. */
export function flopsPerPair(arch: HomNetArchitecture): number {
  const nr = regionCount(arch);
  const lr = arch.regionChannels;
  const merge = 2 * nr * PROFILE_ROWS * arch.mergeRange * lr;
  const info = 2 * METADATA_LENGTH * nr * lr;
  const local = 2 * 2 * nr * lr * (2 * lr);
  const global = 2 * 2 * lr * nr * (2 * nr);
  const perChromosome = merge + info + local + global;
  const da = headWidth(arch);
  const projections = 2 * 5 * nr * lr * lr; // query, key, value, head, diff
  const attention = 2 * 2 * arch.heads * nr * nr * da; // scores and weighted values
  const perDirection = projections + attention;
  const hom = arch.alignmentLayers * 2 * perDirection;
  const measures = arch.pairMeasures ? 2 * PAIR_MEASURE_COUNT * arch.pairWidth : 0;
  const pair = 2 * 2 * (2 * nr * lr) * arch.pairWidth + measures; // both orders of Eq. 8
  const bag = 2 * arch.pairWidth * arch.bagWeightHidden + 2 * arch.bagWeightHidden + 4 * arch.pairWidth;
  return 2 * perChromosome + hom + pair + bag;
}
