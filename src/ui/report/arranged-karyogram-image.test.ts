import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { createGrayImage } from '../../shared/gray-image';
import { drawText } from '../../karyotype/bitmap-font';
import type { CellKaryogramView, KaryogramChromosomeView } from '../../worker/analysis-api';
import { arrangedKaryogramImage, arrangedKaryogramPng, karyogramTitle } from './arranged-karyogram-image';
import { titleWidth } from './title-font';

/** A straightened chromosome: a uniform `ink` bar on white, `samples` long. */
function chromosome(
  type: ChromosomeType,
  homolog: number,
  samples: number,
  ink: number,
  doubt?: string,
): KaryogramChromosomeView {
  const image = createGrayImage(12, samples, ink);
  return {
    type,
    homolog,
    image,
    profile: new Float32Array(1024),
    samples,
    confidence: 0.9,
    centreLineEditable: false,
    splittable: false,
    joinable: false,
    ...(doubt !== undefined ? { typeDoubt: doubt } : {}),
  };
}

const view = (chromosomes: KaryogramChromosomeView[]): CellKaryogramView => ({
  caseId: 'c1',
  cell: 'spread',
  source: 'spread.png',
  typesAssigned: { classifier: 'type-classifier-0123456789ab', sex: 'XY' },
  chromosomes,
});

describe('arranged karyogram image', () => {
  it('draws each chromosome where the layout puts it, at one scale, on white', () => {
    const cell = view([
      chromosome('1', 0, 280, 20),
      chromosome('1', 1, 280, 20),
      chromosome('21', 0, 70, 60),
    ]);
    const { image, layout } = arrangedKaryogramImage(cell, 'Case A', 140);
    expect(image.width).toBe(layout.width);
    expect(image.height).toBe(layout.height);
    expect(image.pixels.length).toBe(image.width * image.height);
    const placed = layout.slots.flatMap((s) => s.chromosomes);
    expect(placed.map((c) => c.height)).toEqual([140, 140, 35]);
    for (const c of placed) {
      const centre = image.pixels[(c.y + (c.height >> 1)) * image.width + c.x + (c.width >> 1)];
      expect(centre).toBe(c.item.image.pixels[0]);
      // Just above its top, the background.
      expect(image.pixels[(c.y - 1) * image.width + c.x + (c.width >> 1)]).toBe(255);
    }
    // A corner far from everything stays white.
    expect(image.pixels[image.pixels.length - 1]).toBe(255);
  });

  it('writes each type number under its baseline, in the karyogram font', () => {
    const { image, layout } = arrangedKaryogramImage(view([chromosome('7', 0, 100, 30)]), 'Case A');
    const slot = layout.slots.find((s) => s.type === '7');
    if (!slot) throw new Error('no slot for 7');
    // The label area under the baseline holds exactly the glyph of "7" at scale 2, centred.
    const left = slot.x + Math.floor((slot.width - 10) / 2);
    const expected = createGrayImage(10, 14);
    drawText(expected, '7', 0, 0, 2);
    for (let y = 0; y < 14; y++) {
      for (let x = 0; x < 10; x++) {
        expect(image.pixels[(slot.baseline + 4 + y) * image.width + left + x]).toBe(
          expected.pixels[y * 10 + x],
        );
      }
    }
    // The baseline itself.
    expect(image.pixels[(slot.baseline + 1) * image.width + slot.x]).toBe(150);
  });

  it('frames a chromosome whose type is in doubt', () => {
    const { image, layout } = arrangedKaryogramImage(
      view([chromosome('5', 0, 100, 30, 'X-like'), chromosome('6', 0, 100, 30)]),
      'Case A',
    );
    const [doubtful, sure] = layout.slots.flatMap((s) => s.chromosomes);
    if (!doubtful || !sure) throw new Error('two chromosomes expected');
    const frame = (c: typeof doubtful): number[] =>
      Array.from({ length: c.height }, (_, i) => image.pixels[(c.y + i) * image.width + c.x - 2] ?? 0);
    expect(frame(doubtful).filter((v) => v === 150).length).toBeGreaterThan(doubtful.height / 3);
    expect(frame(sure).every((v) => v === 255)).toBe(true);
  });

  it('titles the image with the case, the cell and the classifier', () => {
    const cell = view([chromosome('1', 0, 100, 30)]);
    expect(karyogramTitle(cell, 'Case A')).toEqual([
      'Case A - cell spread',
      'types assigned by type-classifier-0123456789ab, read as XY',
    ]);
    const { image, layout } = arrangedKaryogramImage(cell, 'Case A');
    // Wide enough for the whole second line (16 px margins), which is wider than the rows.
    expect(image.width).toBe(titleWidth(karyogramTitle(cell, 'Case A')[1] ?? '', 2) + 32);
    const top = layout.slots[0]?.baseline ?? 0;
    // Ink in the title band, above the first row.
    const titleInk = image.pixels.subarray(0, 40 * image.width).filter((v) => v === 0).length;
    expect(titleInk).toBeGreaterThan(50);
    expect(top).toBeGreaterThan(40);
  });

  it('cuts a title too long for any image', () => {
    const { image } = arrangedKaryogramImage(view([chromosome('1', 0, 100, 30)]), 'N'.repeat(400));
    expect(image.width).toBe(1400 + 32);
    // The title's first line ends in "..." inside the right margin.
    const inked = (from: number, to: number): boolean =>
      Array.from({ length: 14 * (to - from) }, (_, i) => {
        const x = from + (i % (to - from));
        const y = 16 + Math.floor(i / (to - from));
        return image.pixels[y * image.width + x];
      }).some((v) => v === 0);
    expect(inked(image.width - 16, image.width)).toBe(false);
    expect(inked(image.width - 52, image.width - 16)).toBe(true);
  });

  it('encodes a PNG that decodes back to the same pixels', () => {
    const cell = view([chromosome('X', 0, 200, 40), chromosome('Y', 0, 80, 40)]);
    const png = arrangedKaryogramPng(cell, 'Case A');
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const decoded = decode(png);
    const { image } = arrangedKaryogramImage(cell, 'Case A');
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([image.width, image.height, 1]);
    expect(Array.from(decoded.data)).toEqual(Array.from(image.pixels));
  });
});
