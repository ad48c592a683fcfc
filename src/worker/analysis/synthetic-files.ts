import { encode } from 'fast-png';
import { generateCase } from '../../karyotype/synthetic-case';
import type { InputFile, SyntheticRequest } from '../analysis-api';

/**
 * Renders the cells of an ISCN karyotype as 8-bit gray PNG karyograms, one file per cell, so that a
 * synthetic case goes through the same imaging as a dropped one and can be stored like it.
 */
export function syntheticKaryogramFiles(request: SyntheticRequest): InputFile[] {
  const generated = generateCase({
    karyotype: request.karyotype,
    cells: request.cells,
    level: request.level,
    seed: request.seed,
  });
  const folder = request.name.replace(/[^\w.-]+/g, '_');
  return generated.cells.map((cell) => {
    const { width, height, pixels } = cell.karyogram.image;
    return {
      path: `${folder}/${cell.id}.png`,
      bytes: encode({ width, height, data: pixels, channels: 1, depth: 8 }),
    };
  });
}
