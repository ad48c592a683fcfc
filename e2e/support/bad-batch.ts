import { encode } from 'fast-png';
import { brokenFiles, tiffWithLyingByteCount } from '../../src/imaging/fixtures/broken-files.node.js';
import type { BrokenFile } from '../../src/imaging/fixtures/broken-files.node.js';
import { generateCase } from '../../src/karyotype/synthetic-case';
import type { FilePayload } from './synthetic-files';

/** A batch of good karyograms with the five kinds of broken file mixed in (issue #7). */
export interface BadBatch {
  /** Every file, broken ones interleaved with good ones. */
  readonly files: FilePayload[];
  /** Cell ids the good files must become, `cell01` … */
  readonly goodCells: string[];
  readonly broken: BrokenFile[];
}

/**
 * `good` small (640 × 564 px) 46,XY karyograms, the last one a TIFF with a lying (repairable) strip byte
 * count, plus the five broken files spread through the list. Small so that 45 cells image in seconds on
 * two cores; the layout parser is scale-free, so they are analysed like full-size ones.
 */
export function badBatch(good: number, seed: number): BadBatch {
  const generated = generateCase({
    karyotype: '46,XY',
    cells: good,
    level: 400,
    seed,
    width: 640,
    height: 564,
  });
  const goodFiles = generated.cells.map((cell, index): FilePayload => {
    const { width, height, pixels } = cell.karyogram.image;
    if (index === good - 1) {
      const tiff = tiffWithLyingByteCount(width, height, pixels);
      return { name: `${cell.id}.tif`, mimeType: 'image/tiff', buffer: Buffer.from(tiff) };
    }
    const png = encode({ width, height, data: pixels, channels: 1, depth: 8 });
    return { name: `${cell.id}.png`, mimeType: 'image/png', buffer: Buffer.from(png) };
  });
  const broken = brokenFiles(new Uint8Array(goodFiles[0]?.buffer ?? []));
  const files = [...goodFiles];
  broken.forEach((file, i) => {
    const at = Math.round(((i + 0.5) / broken.length) * files.length);
    files.splice(at, 0, {
      name: file.name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(file.bytes),
    });
  });
  return { files, goodCells: generated.cells.map((cell) => cell.id), broken };
}
