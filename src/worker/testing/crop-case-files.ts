import { encode } from 'fast-png';
import { syntheticCropCase } from '../../pipeline/testing/synthetic-crop-case';
import type { InputFile } from '../analysis-api';

/**
 * Test helper: a synthetic case's crops as the files of a dropped folder,
 * `<case>/<cell>/<type>_<homolog>.png`.
 */
export function cropCaseFiles(caseName: string, seed: number, cells: number): InputFile[] {
  return [...syntheticCropCase(seed, cells)].flatMap(([cellId, crops]) =>
    crops.map((crop) => ({
      path: `${caseName}/${cellId}/${crop.type}_${String(crop.homolog)}.png`,
      bytes: encode({
        width: crop.image.width,
        height: crop.image.height,
        data: crop.image.pixels,
        channels: 1,
        depth: 8,
      }),
    })),
  );
}
