import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../shared/chromosome-types';
import type { GrayImage } from '../shared/gray-image';
import { createRandom } from '../shared/random';
import { cellChromosomes } from './cell-chromosomes';
import { karyogramSlots } from './karyogram-layout';
import { parseKaryotype } from './karyotype-parser';
import type { KaryogramRenderOptions, PlacedChromosome, RenderedKaryogram } from './render-karyogram';
import { renderKaryogram } from './render-karyogram';

function draw(options: Omit<KaryogramRenderOptions, 'level'> = {}): RenderedKaryogram {
  const random = createRandom(4);
  return renderKaryogram(
    cellChromosomes(parseKaryotype('46,XX'), 400, random),
    { level: 400, ...options },
    random,
  );
}

const ofType = (karyogram: RenderedKaryogram, type: ChromosomeType): PlacedChromosome[] =>
  karyogram.chromosomes.filter((c) => c.cell.type === type);

const isInk = (image: GrayImage, x: number, y: number): boolean =>
  (image.pixels[y * image.width + x] ?? 255) < 235;

/** Whether some row has ink of both chromosomes in one column: they touch. */
function touch(a: PlacedChromosome, b: PlacedChromosome): boolean {
  const inside = (c: PlacedChromosome, x: number, y: number): boolean =>
    x >= c.box.x && x < c.box.x + c.box.width && y >= c.box.y && y < c.box.y + c.box.height;
  for (
    let y = Math.max(a.box.y, b.box.y);
    y < Math.min(a.box.y + a.box.height, b.box.y + b.box.height);
    y++
  ) {
    for (let x = b.box.x; x < a.box.x + a.box.width; x++) {
      const ax = x - a.box.x;
      const bx = x - b.box.x;
      if (
        inside(a, x, y) &&
        inside(b, x, y) &&
        isInk(a.rendered.image, ax, y - a.box.y) &&
        isInk(b.rendered.image, bx, y - b.box.y)
      )
        return true;
    }
  }
  return false;
}

/** Dark pixels of the karyogram outside every chromosome's box. */
function inkOutsideChromosomes(karyogram: RenderedKaryogram): number {
  const { image } = karyogram;
  let count = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!isInk(image, x, y)) continue;
      const { chromosomes } = karyogram;
      if (
        !chromosomes.some(
          ({ box }) => x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height,
        )
      )
        count++;
    }
  }
  return count;
}

describe('renderKaryogram page options', () => {
  it('pushes the homologs of a touching type together until their ink meets, and only those', () => {
    const karyogram = draw({ touching: ['7'] });
    const [a, b] = ofType(karyogram, '7');
    const [c, d] = ofType(karyogram, '8');
    if (!a || !b || !c || !d) throw new Error('a pair is missing');
    expect(touch(a, b)).toBe(true);
    expect(c.box.x + c.box.width).toBeLessThan(d.box.x);
  });

  it('breaks the first chromosome of a broken type with a blank band across its middle', () => {
    const [first, second] = ofType(draw({ broken: ['3'] }), '3');
    const blankRows = (c: PlacedChromosome | undefined): number => {
      if (!c) return 0;
      const { image, axisTop, axisLengthPx } = c.rendered;
      let rows = 0;
      for (let y = axisTop + 2; y < axisTop + axisLengthPx - 2; y++) {
        if (Array.from({ length: image.width }, (_, x) => isInk(image, x, y)).every((ink) => !ink)) rows++;
      }
      return rows;
    };
    expect(blankRows(first)).toBeGreaterThanOrEqual(3);
    expect(blankRows(second)).toBe(0);
  });

  it('curls the first chromosome of a curled type sideways by about a quarter of its length', () => {
    const swing = (c: PlacedChromosome | undefined): number =>
      c ? (Math.max(...c.rendered.axisX) - Math.min(...c.rendered.axisX)) / c.rendered.axisLengthPx : 0;
    const [curled, plain] = ofType(draw({ curled: ['1'] }), '1');
    expect(swing(curled)).toBeGreaterThan(0.2);
    expect(swing(plain)).toBeLessThan(swing(curled));
  });

  it('draws only the slots it is given, and baselines and numbers only when asked', () => {
    const slots = karyogramSlots(1017, 896).filter((slot) => slot.type !== 'X');
    const bare = draw({ slots, baselines: 'none', numbers: false });
    expect(ofType(bare, 'X')).toHaveLength(0);
    expect(bare.chromosomes).toHaveLength(44);
    expect(inkOutsideChromosomes(bare)).toBe(0);
    const rowLines = draw({ baselines: 'row', numbers: false });
    const y = karyogramSlots(1017, 896)[0]?.baselineY ?? 0;
    // Across the gap between slots 3 and 4 of row 1, where slot baselines leave white.
    const gapX = 600;
    expect(isInk(rowLines.image, gapX, y)).toBe(true);
    expect(isInk(draw().image, gapX, y)).toBe(false);
  });
});
