import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import { cropBundle } from '../../src/karyotype/crop-bundle';
import { generateCase } from '../../src/karyotype/synthetic-case';
import type { BandLevel } from '../../src/shared/chromosome-types';

/** A file as Playwright's setInputFiles takes it. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Karyogram PNGs of a synthetic case, made on the fly in the test process. */
export function syntheticKaryograms(
  karyotype: string,
  cells: number,
  seed: number,
  level: BandLevel = 400,
): FilePayload[] {
  const generated = generateCase({ karyotype, cells, level, seed });
  return generated.cells.map((cell) => {
    const { width, height, pixels } = cell.karyogram.image;
    return {
      name: `${cell.id}.png`,
      mimeType: 'image/png',
      buffer: Buffer.from(encode({ width, height, data: pixels, channels: 1, depth: 8 })),
    };
  });
}

/** A `.zip` of a synthetic case as a crop bundle: `<case>/<cell>/<type>_<homolog>.png`. */
export function syntheticCropZip(
  caseName: string,
  karyotype: string,
  cells: number,
  seed: number,
): FilePayload {
  const generated = generateCase({ karyotype, cells, level: 400, seed });
  const entries: Record<string, Uint8Array> = {};
  for (const crop of cropBundle(generated)) {
    const { width, height, pixels } = crop.image;
    entries[`${caseName}/${crop.path}`] = encode({ width, height, data: pixels, channels: 1, depth: 8 });
  }
  return { name: `${caseName}.zip`, mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}
