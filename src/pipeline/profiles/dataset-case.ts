import type { DatasetCase } from '../../model/train/dataset';
import type { ProfiledCaseCell } from './profiled-case';

/**
 * A profiled case as training data: profiles, homolog numbers and band levels only (no images), the
 * same in the CLI (cases read from a folder) and in the worker (cases the app has analysed).
 */
export function datasetCaseOf(id: string, cells: readonly ProfiledCaseCell[]): DatasetCase {
  return {
    id,
    cells: cells.map((cell) => ({
      id: cell.id,
      bandLevel: cell.bandLevel.value,
      chromosomes: cell.chromosomes.map((c) => ({
        type: c.type,
        homolog: c.homolog,
        samples: c.samples,
        profile: c.profile,
      })),
    })),
  };
}
