import type { GrayImage } from '../shared/gray-image';
import type { SyntheticCase } from './synthetic-case';

/** One file of a crop bundle: `path` relative to the case folder, e.g. "cell01/5_1.png". */
export interface CropFile {
  readonly path: string;
  readonly image: GrayImage;
}

/**
 * The crop bundle of a case (formats.md: `<case>/<cell>/<type>_<homolog>.png`): one upright chromosome
 * per image, p-arm up, as drawn on the karyogram (tight, 2 px white margin).
 */
export function cropBundle(synthetic: SyntheticCase): CropFile[] {
  return synthetic.cells.flatMap((cell) =>
    cell.karyogram.chromosomes.map((placed) => ({
      path: `${cell.id}/${placed.cell.type}_${placed.cell.homolog}.png`,
      image: placed.rendered.image,
    })),
  );
}
