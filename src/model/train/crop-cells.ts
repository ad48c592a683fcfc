import { profileCropCell } from '../../imaging/profile/profile-crop-cell';
import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import type { DatasetCell } from './dataset';

/** Raw crops of cases, by case id then cell id, read once (training cuts its image-level changes into them). */
export type CaseCrops = Map<string, Map<string, TypedChromosomeImage[]>>;

/** A cell's crops through the same path as `analyze`, down to profiles. */
export function datasetCell(id: string, crops: readonly TypedChromosomeImage[]): DatasetCell {
  const cell = profileCropCell(crops);
  return {
    id,
    bandLevel: cell.bandLevel.value,
    chromosomes: cell.chromosomes.map((c) => ({
      type: c.type,
      homolog: c.homolog,
      samples: c.samples,
      profile: c.profile,
    })),
  };
}
