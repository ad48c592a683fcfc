import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { encode } from 'fast-png';
import { cropBundle } from '../../src/karyotype/crop-bundle';
import { generateCase } from '../../src/karyotype/synthetic-case';

/**
 * Writes a synthetic case as a crop-bundle folder on disk, `<root>/<caseName>/<cell>/<type>_<homolog>.png`,
 * the way a lab's station exports one; returns the case folder.
 */
export function writeSyntheticCropFolder(
  root: string,
  caseName: string,
  karyotype: string,
  cells: number,
  seed: number,
): string {
  const generated = generateCase({ karyotype, cells, level: 400, seed });
  const caseDir = join(root, caseName);
  for (const crop of cropBundle(generated)) {
    const file = join(caseDir, crop.path);
    mkdirSync(dirname(file), { recursive: true });
    const { width, height, pixels } = crop.image;
    writeFileSync(file, encode({ width, height, data: pixels, channels: 1, depth: 8 }));
  }
  return caseDir;
}
