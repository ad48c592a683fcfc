import { encode } from 'fast-png';
import { generateCase } from '../../src/karyotype/synthetic-case';
import type { BandLevel } from '../../src/shared/chromosome-types';

/** A file as Playwright's setInputFiles takes it. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Karyogram PNGs of a synthetic case, made on the fly in the test process. */
export function syntheticKaryograms(karyotype: string, cells: number, seed: number, level: BandLevel = 400): FilePayload[] {
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
