import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import { createRandom } from '../../shared/random';
import type { BagInput } from '../../model/inputs';
import { bandedProfile } from '../../model/testing/synthetic-bags';

/** Types of one patient in the benchmark contract: 22 autosomes and X (23 types). */
const PATIENT_TYPES = CHROMOSOME_TYPES.filter((type) => type !== 'Y');

/**
 * A benchmark patient as docs/formats.md defines it: 23 types × `cells` cells (115 pairs for 5), with
 * banded profiles whose lengths follow the chromosomes' relative sizes.
 */
export function benchmarkPatient(cells = 5, seed = 1): BagInput[] {
  const random = createRandom(seed);
  return PATIENT_TYPES.map((type, index) => {
    const length = Math.round(480 - index * 14);
    return {
      type,
      pairs: Array.from({ length: cells }, () => ({
        homologs: [bandedProfile(random, length), bandedProfile(random, length)] as const,
        bandLevel: 550 as const,
      })),
    };
  });
}

/** Median of a non-empty list of numbers. */
