import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { createGrayImage } from '../../shared/gray-image';
import { createRandom } from '../../shared/random';
import { karyogramSlots } from '../../karyotype/karyogram-layout';
import type { DrawnChromosome, RenderedCellOptions } from '../testing/rendered-cells';
import { renderedKaryogram, renderedSpread } from '../testing/rendered-cells';
import { KaryogramRejectedError } from './karyogram-rejected-error';
import type { KaryogramLayout } from './karyogram-layout';
import { parseKaryogram } from './parse-karyogram';

function countsOf(types: readonly ChromosomeType[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** Every drawn chromosome must be found once, with its type, inside the box found for it. */
function expectMatchesTruth(layout: KaryogramLayout, truth: readonly DrawnChromosome[]): void {
  expect(countsOf(layout.chromosomes.map((c) => c.type))).toEqual(countsOf(truth.map((c) => c.type)));
  for (const drawn of truth) {
    const { middle } = drawn;
    const hit = layout.chromosomes.filter(
      (c) =>
        c.type === drawn.type &&
        middle.x >= c.box.x0 - 2 &&
        middle.x <= c.box.x1 + 2 &&
        middle.y >= c.box.y0 &&
        middle.y <= c.box.y1,
    );
    expect(hit.length, `type ${drawn.type} copy ${drawn.homolog}`).toBeGreaterThanOrEqual(1);
  }
  for (const c of layout.chromosomes) {
    expect(c.confidence).toBeGreaterThanOrEqual(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  }
}

function parse(
  karyotype: string,
  options: RenderedCellOptions = {},
): {
  layout: KaryogramLayout;
  truth: DrawnChromosome[];
} {
  const { image, chromosomes } = renderedKaryogram(karyotype, options);
  return { layout: parseKaryogram(image), truth: chromosomes };
}

describe('parseKaryogram on synthetic ISCN karyograms', () => {
  it('finds and types all 46 chromosomes of a 46,XY karyogram with baselines and numbers', () => {
    const { layout, truth } = parse('46,XY');
    expect(layout.chromosomes).toHaveLength(46);
    expectMatchesTruth(layout, truth);
    expect(layout.rows.map((r) => r.slotMethod)).toEqual([
      'baselines',
      'baselines',
      'baselines',
      'baselines',
    ]);
    // Homologs are numbered left to right.
    const ones = layout.chromosomes.filter((c) => c.type === '1');
    expect(ones.map((c) => c.homolog)).toEqual([0, 1]);
    expect((ones[0]?.box.x0 ?? 0) < (ones[1]?.box.x0 ?? 0)).toBe(true);
  });

  it('leaves the Y slot empty in 46,XX and counts a single X in 45,X', () => {
    const xx = parse('46,XX');
    expectMatchesTruth(xx.layout, xx.truth);
    expect(xx.layout.chromosomes.some((c) => c.type === 'Y')).toBe(false);
    const turner = parse('45,X');
    expectMatchesTruth(turner.layout, turner.truth);
    expect(turner.layout.chromosomes.filter((c) => c.type === 'X')).toHaveLength(1);
  });

  it('keeps three copies in a trisomy 21 and 47,XXY, and says so', () => {
    const trisomy = parse('47,XX,+21');
    expectMatchesTruth(trisomy.layout, trisomy.truth);
    expect(trisomy.layout.chromosomes.filter((c) => c.type === '21').map((c) => c.homolog)).toEqual([
      0, 1, 2,
    ]);
    expect(trisomy.layout.warnings.some((w) => w.includes('type 21: 3'))).toBe(true);
    const xxy = parse('47,XXY');
    expectMatchesTruth(xxy.layout, xxy.truth);
  });

  it('splits touching homologs and marks them with lower confidence', () => {
    const { layout, truth } = parse('46,XX', { touching: ['2', '7', '14'] });
    expectMatchesTruth(layout, truth);
    const sevens = layout.chromosomes.filter((c) => c.type === '7');
    expect(sevens.every((c) => c.split)).toBe(true);
    // Each part is one chromosome wide, not the pair's width.
    const widest = Math.max(...truth.filter((c) => c.type === '7').map((c) => c.width));
    for (const c of sevens) expect(c.box.x1 - c.box.x0).toBeLessThan(widest + 4);
    const plain = layout.chromosomes.find((c) => c.type === '8');
    expect(Math.max(...sevens.map((c) => c.confidence))).toBeLessThan(plain?.confidence ?? 0);
  });

  it('splits touching X chromosomes of a female but keeps the single X of a male whole', () => {
    const xx = parse('46,XX', { touching: ['X'] });
    expectMatchesTruth(xx.layout, xx.truth);
    const xy = parse('46,XY', { touching: ['X'], curled: ['X'] });
    expectMatchesTruth(xy.layout, xy.truth);
  });

  it('keeps a lone bent autosome whole (a monosomy, the partner of a Robertsonian)', () => {
    const { layout, truth } = parse('44,XX,-7,-14', { curled: ['14', '7'] });
    expectMatchesTruth(layout, truth);
    expect(layout.chromosomes.filter((c) => c.type === '14')).toHaveLength(1);
    expect(layout.chromosomes.filter((c) => c.type === '7')).toHaveLength(1);
  });

  it('joins a chromosome broken into two blobs', () => {
    const { layout, truth } = parse('46,XX', { broken: ['3', '9'] });
    expectMatchesTruth(layout, truth);
    expect(layout.chromosomes.filter((c) => c.type === '3' && c.parts > 1)).toHaveLength(1);
  });

  it('handles bent chromosomes, other scales and margins, and layouts without baselines or numbers', () => {
    expectMatchesTruth(
      ...(Object.values(parse('46,XX', { curled: ['1', '6', '13'] })) as [
        KaryogramLayout,
        DrawnChromosome[],
      ]),
    );
    const big = parse('46,XY', { width: 2034, height: 1792, margin: 90 });
    expectMatchesTruth(big.layout, big.truth);
    const bare = parse('46,XY', { baselines: 'none', numbers: false });
    expectMatchesTruth(bare.layout, bare.truth);
    expect(bare.layout.rows.every((r) => r.slotMethod === 'gaps')).toBe(true);
  });

  it('anchors slots on printed numbers when baselines are missing or span the whole row', () => {
    const numbersOnly = parse('46,XY', { baselines: 'none' });
    expectMatchesTruth(numbersOnly.layout, numbersOnly.truth);
    expect(numbersOnly.layout.rows.every((r) => r.slotMethod === 'labels')).toBe(true);
    const rowLines = parse('46,XX', { baselines: 'row' });
    expectMatchesTruth(rowLines.layout, rowLines.truth);
    expect(rowLines.layout.rows.every((r) => r.slotMethod === 'labels')).toBe(true);
  });

  it('ignores titles, annotation arrows and scanner noise, and works at a small scale', () => {
    const annotated = parse('46,XY', { annotations: true, scannerNoise: 5 });
    expectMatchesTruth(annotated.layout, annotated.truth);
    const small = parse('46,XX', { width: 508, height: 448, baselines: 'none', numbers: false });
    expectMatchesTruth(small.layout, small.truth);
  });

  it('does not read a karyotype printed in bold under the karyogram as chromosomes', () => {
    const { image, chromosomes } = renderedKaryogram('46,XY');
    const width = parseKaryogram(image).chromosomeWidth;
    // "XY" in solid black strokes a little over half a chromosome wide (diagonals: 0.32 × √2), bottom left.
    const stroke = Math.max(2, Math.round(0.32 * width));
    const size = Math.round(1.6 * width);
    const x0 = Math.round(0.03 * image.width);
    const y0 = image.height - size - Math.round(0.02 * image.height);
    const ink = (x: number, y: number): void => {
      for (let dy = 0; dy < stroke; dy++)
        for (let dx = 0; dx < stroke; dx++) {
          const px = Math.round(x) + dx;
          const py = Math.round(y) + dy;
          if (px >= 0 && py >= 0 && px < image.width && py < image.height)
            image.pixels[py * image.width + px] = 0;
        }
    };
    for (let t = 0; t <= size; t++) {
      ink(x0 + t, y0 + t); // X
      ink(x0 + size - t, y0 + t);
      if (t <= size / 2) {
        ink(x0 + 1.4 * size + t, y0 + t); // Y
        ink(x0 + 2.4 * size - t, y0 + t);
      } else ink(x0 + 1.9 * size, y0 + t);
    }
    expectMatchesTruth(parseKaryogram(image), chromosomes);
  });

  it('survives everything at once: touching, broken, bent, trisomy, no baselines', () => {
    const hard = parse('47,XX,+21', {
      touching: ['1', '5', '12', '16', '20'],
      broken: ['4', '10'],
      curled: ['3', '7'],
      baselines: 'none',
      numbers: false,
      seed: 2,
    });
    expectMatchesTruth(hard.layout, hard.truth);
  });

  it('reads a layout with a row wrapped onto two lines, and one with a row missing, with a warning', () => {
    // The vendor layout with X and Y moved from the end of row 4 to a fifth row of their own.
    const vendor = karyogramSlots(1017, 896);
    const fifthRow = (vendor.at(-1)?.baselineY ?? 0) + 190;
    const wrappedSlots = vendor.map((slot) =>
      slot.type === 'X' || slot.type === 'Y'
        ? { ...slot, x: slot.x - 700, baselineY: fifthRow, topY: fifthRow - 150 }
        : slot,
    );
    const wrapped = parse('46,XY', {
      slots: wrappedSlots,
      width: 1017,
      height: fifthRow + 80,
      baselines: 'none',
      numbers: false,
    });
    expectMatchesTruth(wrapped.layout, wrapped.truth);
    expect(wrapped.layout.warnings.join(' ')).toMatch(/row 4 wrapped/);
    const rowFour = new Set<ChromosomeType>(['19', '20', '21', '22', 'X', 'Y']);
    const threeRows = parse('46,XX', { slots: vendor.filter((slot) => !rowFour.has(slot.type)) });
    expectMatchesTruth(threeRows.layout, threeRows.truth);
    expect(threeRows.layout.warnings.join(' ')).toMatch(/row 4 missing/);
    for (const c of threeRows.layout.chromosomes) expect(c.confidence).toBeLessThan(0.75);
  });

  it('reads pale, low-contrast karyograms on a gray background', () => {
    const { image, chromosomes } = renderedKaryogram('46,XY');
    const pale = { ...image, pixels: image.pixels.map((v) => Math.round(230 - (255 - v) * 0.2)) };
    expectMatchesTruth(parseKaryogram(pale), chromosomes);
  });

  it('reads light-on-dark (Q-band, DAPI) karyograms by inverting them', () => {
    const { image, chromosomes } = renderedKaryogram('46,XY');
    const inverted = { ...image, pixels: image.pixels.map((v) => 255 - v) };
    expectMatchesTruth(parseKaryogram(inverted), chromosomes);
  });
});

describe('parseKaryogram refuses what is not a karyogram', () => {
  it('refuses a karyogram scaled down below the width its chromosomes can be read at', () => {
    const { image } = renderedKaryogram('46,XX', {
      width: 300,
      height: 264,
      baselines: 'none',
      numbers: false,
    });
    let caught: unknown = null;
    try {
      parseKaryogram(image);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KaryogramRejectedError);
    expect(caught instanceof KaryogramRejectedError ? caught.reason : '').toBe('too-low-resolution');
    expect(caught instanceof Error ? caught.message : '').toMatch(
      /^karyogram refused: chromosomes too narrow to read: .*\(chromosomes about \d+ px wide, want ≥ 9 px\)$/,
    );
  });

  it('refuses a metaphase spread: no rows', () => {
    expect(() => parseKaryogram(renderedSpread(3))).toThrow(KaryogramRejectedError);
    try {
      parseKaryogram(renderedSpread(3));
    } catch (error) {
      expect(error instanceof KaryogramRejectedError ? error.reason : '').toBe('no-row-structure');
    }
  });

  it('refuses a photograph-like image without a clean background', () => {
    const random = createRandom(5);
    const photo = createGrayImage(400, 300);
    for (let i = 0; i < photo.pixels.length; i++) {
      photo.pixels[i] = Math.round(120 + 60 * Math.sin(i / 3000) + 40 * random.normal());
    }
    try {
      parseKaryogram(photo);
      expect.unreachable('a photograph must be refused');
    } catch (error) {
      expect(error).toBeInstanceOf(KaryogramRejectedError);
      expect(error instanceof KaryogramRejectedError ? error.reason : '').toBe('no-clean-background');
    }
  });

  it('refuses an empty page', () => {
    expect(() => parseKaryogram(createGrayImage(300, 200))).toThrow(/too few chromosome-like objects/);
  });

  it('types every ISCN slot in order', () => {
    const { layout } = parse('46,XY');
    const order = [...new Set(layout.chromosomes.map((c) => c.type))];
    expect(order).toEqual([...CHROMOSOME_TYPES]);
  });
});
