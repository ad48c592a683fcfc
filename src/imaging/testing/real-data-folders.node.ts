import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GrayImage } from '../../shared/gray-image';
import { decodeImage } from '../decode/decode-image';

/**
 * `../shared/data` beside the repository (HOMNET_DATA_DIR points elsewhere): the real images that tests
 * compare code on when they are there, and skip with their reason when they are not.
 */
export const REAL_DATA =
  process.env.HOMNET_DATA_DIR ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

/** The real karyograms of two other labs. */
export const REAL_KARYOGRAMS = join(REAL_DATA, 'karyograms');

/** The pki3 crop bundle. */
export const REAL_PKI3 = join(REAL_DATA, 'pki3');

/** Every file below `folder`, in name order, folders walked depth first. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** The first page of a real image file, decoded to gray. @throws when the file holds no page. */
export function firstPage(file: string): GrayImage {
  const [page] = decodeImage(file, new Uint8Array(readFileSync(file)));
  if (page === undefined) throw new Error(`${file} decoded to no page`);
  return page.image;
}
