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

/** Throws with a message naming the first inconsistent hyper-parameter. */
export function validateArchitecture(arch: HomNetArchitecture): void {
  for (const key of INTEGER_KEYS) {
    const value = arch[key];
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`architecture.${key} must be a positive integer, got ${String(value)}`);
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
  if (arch.regionChannels % arch.heads !== 0) {
    throw new Error(`architecture.heads ${arch.heads} must divide regionChannels ${arch.regionChannels}`);
  }
}

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
