import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../shared/gray-image';
import {
  applyChangeObliquely,
  applyChangeToCrop,
  chromosomeRows,
  turnThereAndBack,
} from './crop-abnormalities';

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

/** A 16-pixel-wide bar `rows` tall with dark and pale bands every 6 rows, in a white 20 × (rows + 20) crop. */
function bandedBar(rows: number): GrayImage {
  const width = 20;
  const height = rows + 20;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let r = 0; r < rows; r++)
    for (let x = 2; x < 18; x++) pixels[(r + 10) * width + x] = Math.floor(r / 6) % 2 ? 60 : 160;
  return { width, height, pixels };
}

const inkRows = (image: GrayImage): number => {
  const { top, bottom } = chromosomeRows(image);
  return bottom - top;
};

describe('changes cut obliquely (an evaluation generator training never uses)', () => {
  const angle = (20 * Math.PI) / 180;

  it('turns a crop there and back without changing its length by more than the resampling', () => {
    expect(Math.abs(inkRows(turnThereAndBack(bandedBar(60), angle)) - 60)).toBeLessThanOrEqual(3);
  });

  it('cuts the same pieces as the row cuts, along slanted seams', () => {
    const image = bandedBar(60);
    const deleted = applyChangeObliquely(image, { ...change, kind: 'deleted' }, angle);
    expect(Math.abs(inkRows(deleted) - 42)).toBeLessThanOrEqual(4);
    const duplicated = applyChangeObliquely(image, { ...change, kind: 'duplicated' }, angle);
    expect(Math.abs(inkRows(duplicated) - 78)).toBeLessThanOrEqual(4);
    // At angle 0 the two generators agree row for row (inside the 2-pixel frame two turns add).
    const straight = applyChangeObliquely(image, { ...change, kind: 'replaced-inversion' }, 0);
    const rows = applyChangeToCrop(image, { ...change, kind: 'replaced-inversion' });
    expect(column(straight, 12).slice(2, -2)).toEqual(column(rows, 10));
  });
});
