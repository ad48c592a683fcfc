import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../shared/gray-image';
import { applyChangeToCrop, chromosomeRows } from './crop-abnormalities';

/** A 5-wide crop with a 2-row white margin and rows of darkness 0, 10, 20 … (one value per row). */
function crop(rows: number): GrayImage {
  const width = 5;
  const height = rows + 4;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let r = 0; r < rows; r++) for (let x = 1; x < 4; x++) pixels[(r + 2) * width + x] = r * 10;
  return { width, height, pixels };
}

const column = (image: GrayImage, x = 2): number[] =>
  Array.from({ length: image.height }, (_, y) => image.pixels[y * image.width + x] ?? -1);

const change = { start: 0.2, span: 0.3, site: 0.5, donorStart: 0 };

describe('artificial changes on crop images', () => {
  it('finds the chromosome rows inside the margins', () => {
    expect(chromosomeRows(crop(10))).toEqual({ top: 2, bottom: 12 });
  });

  it('deletes, duplicates and inverts rows as ISCN says', () => {
    const image = crop(10);
    const deleted = applyChangeToCrop(image, { ...change, kind: 'deleted' });
    expect(column(deleted)).toEqual([255, 255, 0, 10, 50, 60, 70, 80, 90, 255, 255]);
    const duplicated = applyChangeToCrop(image, { ...change, kind: 'duplicated' });
    expect(column(duplicated).slice(2, 15)).toEqual([0, 10, 20, 30, 40, 20, 30, 40, 50, 60, 70, 80, 90]);
    const inverted = applyChangeToCrop(image, { ...change, kind: 'replaced-inversion' });
    expect(inverted.height).toBe(image.height);
    expect(column(inverted).slice(2, 12)).toEqual([0, 10, 40, 30, 20, 50, 60, 70, 80, 90]);
  });

  it('takes pieces from a donor and doubles for a Robertsonian fusion', () => {
    const image = crop(10);
    const donor: GrayImage = { width: 7, height: 6, pixels: new Uint8Array(42).fill(7) };
    const translocated = applyChangeToCrop(image, { ...change, kind: 'replaced-translocation' }, donor);
    expect(translocated.width).toBe(7);
    expect(translocated.height).toBe(image.height);
    expect(column(translocated, 3).slice(2, 12)).toEqual([0, 10, 7, 7, 7, 50, 60, 70, 80, 90]);
    const rob = applyChangeToCrop(image, { ...change, kind: 'robertsonian' });
    expect(chromosomeRows(rob).bottom - chromosomeRows(rob).top).toBe(20);
    expect(() => applyChangeToCrop(image, { ...change, kind: 'added-foreign' })).toThrow(/needs a donor/);
  });
});
