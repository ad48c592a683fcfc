import * as tf from '@tensorflow/tfjs-core';
import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import {
  BAND_LEVELS,
  CHROMOSOME_TYPES,
  bandLevelIndex,
  chromosomeTypeIndex,
} from '../shared/chromosome-types';
import type { ChromosomeProfile } from '../shared/profile';
import { PROFILE_LENGTH, PROFILE_ROWS } from '../shared/profile';
import { METADATA_LENGTH } from './architecture';
import { PAIR_MEASURE_COUNT, pairMeasures } from './pair-measures';

/** One homologous pair from one cell: two chromosome profiles and the cell's band level. */
export interface PairInput {
  /** Both homologs, each 2 × 512 darkness values (see ChromosomeProfile). Their order does not matter. */
  readonly homologs: readonly [ChromosomeProfile, ChromosomeProfile];
  readonly bandLevel: BandLevel;
}

/** A query (X, c, b) of the paper: the pairs of one chromosome type, one per cell of a case (m ≥ 1). */
export interface BagInput {
  readonly type: ChromosomeType;
  readonly pairs: readonly PairInput[];
}

/** Tensors of a batch of bags; all pairs of all bags are concatenated in bag order. */
export interface BatchTensors {
  /** [P, 2, d] homolog 1 of every pair. */
  readonly first: tf.Tensor3D;
  /** [P, 2, d] homolog 2 of every pair. */
  readonly second: tf.Tensor3D;
  /** [P, 28] type ⊕ band level one-hot of every pair. */
  readonly metadata: tf.Tensor2D;
  /** [B, P] 1/m_b where pair i belongs to bag b. */
  readonly membership: tf.Tensor2D;
  /** [P, PAIR_MEASURE_COUNT] scaled pair measures, when the architecture reads them. */
  readonly measures?: tf.Tensor2D;
}

const VALUES_PER_PROFILE = PROFILE_ROWS * PROFILE_LENGTH;

/** Checks bags before any tensor is made; the message says which bag and pair is wrong. */
export function validateBags(bags: readonly BagInput[]): void {
  bags.forEach((bag, b) => {
    if (!(CHROMOSOME_TYPES as readonly string[]).includes(bag.type)) {
      throw new Error(`bag ${b}: unknown chromosome type "${bag.type}"`);
    }
    if (bag.pairs.length === 0) throw new Error(`bag ${b} (type ${bag.type}) has no pair; m must be ≥ 1`);
    bag.pairs.forEach((pair, i) => {
      if (!(BAND_LEVELS as readonly number[]).includes(pair.bandLevel)) {
        throw new Error(
          `bag ${b} pair ${i}: band level ${pair.bandLevel} is not one of ${BAND_LEVELS.join(', ')}`,
        );
      }
      pair.homologs.forEach((profile, h) => {
        if (profile.length !== VALUES_PER_PROFILE) {
          throw new Error(
            `bag ${b} pair ${i} homolog ${h}: profile has ${profile.length} values, expected ${VALUES_PER_PROFILE} (2 × ${PROFILE_LENGTH})`,
          );
        }
      });
    });
  });
}

/** Total number of pairs in a list of bags. */
export function countPairs(bags: readonly BagInput[]): number {
  return bags.reduce((sum, bag) => sum + bag.pairs.length, 0);
}

/** Packs bags into the flat arrays the network reads; one copy of the profiles, no tensors yet. */
export function packBatch(
  bags: readonly BagInput[],
  withMeasures = false,
): {
  first: Float32Array;
  second: Float32Array;
  metadata: Float32Array;
  membership: Float32Array;
  /** [P × PAIR_MEASURE_COUNT] when `withMeasures`, else empty. */
  measures: Float32Array;
  pairCount: number;
} {
  const pairCount = countPairs(bags);
  const first = new Float32Array(pairCount * VALUES_PER_PROFILE);
  const second = new Float32Array(pairCount * VALUES_PER_PROFILE);
  const metadata = new Float32Array(pairCount * METADATA_LENGTH);
  const membership = new Float32Array(bags.length * pairCount);
  const measures = new Float32Array(withMeasures ? pairCount * PAIR_MEASURE_COUNT : 0);
  let pairIndex = 0;
  bags.forEach((bag, b) => {
    const typeIndex = chromosomeTypeIndex(bag.type);
    for (const pair of bag.pairs) {
      first.set(pair.homologs[0], pairIndex * VALUES_PER_PROFILE);
      second.set(pair.homologs[1], pairIndex * VALUES_PER_PROFILE);
      metadata[pairIndex * METADATA_LENGTH + typeIndex] = 1;
      metadata[pairIndex * METADATA_LENGTH + CHROMOSOME_TYPES.length + bandLevelIndex(pair.bandLevel)] = 1;
      membership[b * pairCount + pairIndex] = 1 / bag.pairs.length;
      if (withMeasures)
        measures.set(pairMeasures(pair.homologs[0], pair.homologs[1]), pairIndex * PAIR_MEASURE_COUNT);
      pairIndex++;
    }
  });
  return { first, second, metadata, membership, measures, pairCount };
}

/**
 * Validated bags → tensors, with the pair measures when `withMeasures` (the architecture's
 * `pairMeasures`). The caller owns (and disposes, or tidies) the result.
 */
export function toBatchTensors(bags: readonly BagInput[], withMeasures = false): BatchTensors {
  validateBags(bags);
  const packed = packBatch(bags, withMeasures);
  const p = packed.pairCount;
  return {
    first: tf.tensor3d(packed.first, [p, PROFILE_ROWS, PROFILE_LENGTH]),
    second: tf.tensor3d(packed.second, [p, PROFILE_ROWS, PROFILE_LENGTH]),
    metadata: tf.tensor2d(packed.metadata, [p, METADATA_LENGTH]),
    membership: tf.tensor2d(packed.membership, [bags.length, p]),
    ...(withMeasures ? { measures: tf.tensor2d(packed.measures, [p, PAIR_MEASURE_COUNT]) } : {}),
  };
}
