import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import { cropBundle } from '../../karyotype/crop-bundle';
import { generateCase } from '../../karyotype/synthetic-case';
import type { ChromosomeType } from '../../shared/chromosome-types';

/** A synthetic 46,XX case as crops per cell id, the way a crop-bundle folder reads (for CLI tests). */
export function syntheticCropCase(seed: number, cells = 2): Map<string, TypedChromosomeImage[]> {
  const byCell = new Map<string, TypedChromosomeImage[]>();
  for (const crop of cropBundle(generateCase({ karyotype: '46,XX', cells, level: 400, seed }))) {
    const [cellId = '', name = ''] = crop.path.split('/');
    const [type = '', homolog = '0'] = name.replace('.png', '').split('_');
    const crops = byCell.get(cellId) ?? [];
    crops.push({
      type: type as ChromosomeType,
      homolog: Number(homolog),
      image: crop.image,
      source: crop.path,
    });
    byCell.set(cellId, crops);
  }
  return byCell;
}
