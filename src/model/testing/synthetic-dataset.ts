import type { ChromosomeType } from '../../shared/chromosome-types';
import { createRandom } from '../../shared/random';
import type { DatasetCase } from '../train/dataset';
import { bandedProfile } from './synthetic-bags';

/**
 * Training cases for tests: `count` cases of a few cells (two by default), each with banded pairs of a few
 * types (the homologs are jittered copies). For model tests only; real cases come through the pipeline.
 */
export function syntheticDatasetCases(
  count: number,
  seed: number,
  types: readonly ChromosomeType[] = ['1', '2', '9', '13'],
  cellIds: readonly string[] = ['a', 'b'],
): DatasetCase[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, c) => ({
    id: `case-${c}`,
    cells: cellIds.map((cell) => ({
      id: cell,
      bandLevel: 400 as const,
      chromosomes: types.flatMap((type, t) => {
        const samples = 420 - t * 60;
        const profile = bandedProfile(random, samples);
        return [0, 1].map((homolog) => ({
          type,
          homolog,
          samples,
          profile: profile.map((v) => (v > 0 ? v + random.uniform(-0.02, 0.02) : 0)),
        }));
      }),
    })),
  }));
}
