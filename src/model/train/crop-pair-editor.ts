import { measureCropCell, reprofileWithReplacement } from '../../imaging/profile/profile-crop-cell';
import type { MeasuredCropCell } from '../../imaging/profile/profile-crop-cell';
import { needsDonor } from '../../karyotype/artificial-changes';
import { applyChangeToCrop } from '../../karyotype/crop-abnormalities';
import type { GrayImage } from '../../shared/gray-image';
import type { SizedProfile } from '../../karyotype/true-profile';
import type { PairImageEditor } from './bag-sampler';
import type { CaseCrops } from './crop-cells';

/**
 * Training's image-level changes: the change is cut into the crop of one homolog (rows cut, repeated,
 * turned or exchanged, see applyChangeToCrop), and both homologs are profiled again at the scale the
 * edited cell would have. Each cell is measured once, on first use (about 45 ms), then an edit costs two
 * crop profiles (about 2 ms).
 */
export function cropPairEditor(crops: CaseCrops): PairImageEditor {
  const measuredCells = new Map<string, MeasuredCropCell>();
  return {
    edit(caseId, cell, type, changedHomolog, change, random) {
      const images = crops.get(caseId)?.get(cell.id);
      if (!images) return null;
      const target = images.findIndex((c) => c.type === type && c.homolog === changedHomolog);
      const kept = images.findIndex((c) => c.type === type && c.homolog === 1 - changedHomolog);
      const targetImage = images[target]?.image;
      if (!targetImage || kept < 0) return null;
      const donors = images.filter((c) => c.type !== type);
      let donor: GrayImage | undefined;
      if (needsDonor(change.kind)) {
        if (donors.length === 0) return null;
        donor = random.pick(donors).image;
      }
      const key = `${caseId}/${cell.id}`;
      const measured = measuredCells.get(key) ?? measureCropCell(images);
      measuredCells.set(key, measured);
      const edited = applyChangeToCrop(targetImage, change, donor);
      const [keptProfile, changedProfile] = reprofileWithReplacement(measured, target, edited, [
        kept,
        target,
      ]);
      if (!keptProfile || !changedProfile) return null;
      const sized = (p: typeof keptProfile): SizedProfile => ({ profile: p.profile, length: p.samples });
      return [sized(keptProfile), sized(changedProfile)];
    },
  };
}
