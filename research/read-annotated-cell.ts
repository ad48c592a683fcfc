import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeImage } from '../src/imaging/decode/decode-image';
import { ImageInputError } from '../src/imaging/decode/image-input-error';
import { normalisePolarity } from '../src/imaging/decode/polarity';
import {
  AnnotationError,
  parseVocAnnotation,
  type MetaphaseAnnotation,
} from '../src/imaging/metaphase/voc-annotation';
import type { GrayImage } from '../src/shared/gray-image';

/** A cell's image (dark on light) and boxes, or why they cannot be read (a truncated JPEG, a broken XML). */
export async function readAnnotatedCell(
  folder: string,
  stem: string,
): Promise<{ image: GrayImage; annotation: MetaphaseAnnotation } | string> {
  try {
    const page = decodeImage(`${stem}.jpg`, new Uint8Array(await readFile(join(folder, `${stem}.jpg`))))[0];
    if (page === undefined) return 'no image';
    const image = normalisePolarity(page.image).image;
    const annotation = parseVocAnnotation(new Uint8Array(await readFile(join(folder, `${stem}.xml`))), image);
    return { image, annotation };
  } catch (error) {
    if (error instanceof ImageInputError || error instanceof AnnotationError) return error.message;
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'its .jpg is missing';
    throw error;
  }
}

/** The annotated cells of a patient's folder: the stems of its `.xml` files, sorted. */
export async function annotatedCellStems(folder: string): Promise<string[]> {
  return (await readdir(folder))
    .filter((n) => n.toLowerCase().endsWith('.xml'))
    .map((n) => n.slice(0, -4))
    .sort();
}
