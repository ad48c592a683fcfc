import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { createGrayImage } from '../../shared/gray-image';
import { createRandom } from '../../shared/random';
import { KaryogramRejectedError } from './karyogram-rejected-error';
import type { KaryogramLayout } from './karyogram-layout';
import { parseKaryogram } from './parse-karyogram';
import {
  syntheticKaryogram,
  syntheticMetaphase,
  type SyntheticChromosome,
  type SyntheticKaryogramOptions,
} from './synthetic-karyogram';

function countsOf(types: readonly ChromosomeType[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** Every drawn chromosome must be found once, with its type, inside the box found for it. */
function expectMatchesTruth(layout: KaryogramLayout, truth: readonly SyntheticChromosome[]): void {
  expect(countsOf(layout.chromosomes.map((c) => c.type))).toEqual(countsOf(truth.map((c) => c.type)));
  for (const drawn of truth) {
    const middle = drawn.path[Math.floor(drawn.path.length / 2)] ?? { x: -1, y: -1 };
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

function parse(options: SyntheticKaryogramOptions): {
  layout: KaryogramLayout;
  truth: SyntheticChromosome[];
} {
  const { image, chromosomes } = syntheticKaryogram(options);
  return { layout: parseKaryogram(image), truth: chromosomes };
}

describe('parseKaryogram on synthetic ISCN karyograms', () => {
  it('finds and types all 46 chromosomes of a 46,XY karyogram with baselines and numbers', () => {
    const { layout, truth } = parse({ counts: { X: 1, Y: 1 } });
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
    const xx = parse({});
    expectMatchesTruth(xx.layout, xx.truth);
    expect(xx.layout.chromosomes.some((c) => c.type === 'Y')).toBe(false);
    const turner = parse({ counts: { X: 1 } });
    expectMatchesTruth(turner.layout, turner.truth);
    expect(turner.layout.chromosomes.filter((c) => c.type === 'X')).toHaveLength(1);
  });

  it('keeps three copies in a trisomy 21 and 47,XXY, and says so', () => {
    const trisomy = parse({ counts: { '21': 3 } });
    expectMatchesTruth(trisomy.layout, trisomy.truth);
    expect(trisomy.layout.chromosomes.filter((c) => c.type === '21').map((c) => c.homolog)).toEqual([
      0, 1, 2,
    ]);
    expect(trisomy.layout.warnings.some((w) => w.includes('type 21: 3'))).toBe(true);
    const xxy = parse({ counts: { X: 2, Y: 1 } });
    expectMatchesTruth(xxy.layout, xxy.truth);
  });

  it('splits touching homologs and marks them with lower confidence', () => {
    const { layout, truth } = parse({ touching: ['2', '7', '14'] });
    expectMatchesTruth(layout, truth);
    const sevens = layout.chromosomes.filter((c) => c.type === '7');
    expect(sevens.every((c) => c.split)).toBe(true);
    const width = (c: { box: { x0: number; x1: number } }): number => c.box.x1 - c.box.x0;
    for (const c of sevens) expect(width(c)).toBeLessThan(24);
    const plain = layout.chromosomes.find((c) => c.type === '8');
    expect(Math.max(...sevens.map((c) => c.confidence))).toBeLessThan(plain?.confidence ?? 0);
  });

  it('splits touching X chromosomes of a female but keeps the single X of a male whole', () => {
    const xx = parse({ touching: ['X'] });
    expectMatchesTruth(xx.layout, xx.truth);
    const xy = parse({ touching: ['X'], counts: { X: 1, Y: 1 }, bent: ['X'] });
    expectMatchesTruth(xy.layout, xy.truth);
  });

  it('keeps a lone bent autosome whole (a monosomy, the partner of a Robertsonian)', () => {
    const { layout, truth } = parse({ counts: { '14': 1, '7': 1 }, bent: ['14', '7'] });
    expectMatchesTruth(layout, truth);
    expect(layout.chromosomes.filter((c) => c.type === '14')).toHaveLength(1);
    expect(layout.chromosomes.filter((c) => c.type === '7')).toHaveLength(1);
  });

  it('joins a chromosome broken into two blobs', () => {
    const { layout, truth } = parse({ broken: ['3', '9'] });
    expectMatchesTruth(layout, truth);
    expect(layout.chromosomes.filter((c) => c.type === '3' && c.parts > 1)).toHaveLength(1);
  });

  it('handles bent chromosomes, other scales and margins, and layouts without baselines or numbers', () => {
    expectMatchesTruth(
      ...(Object.values(parse({ bent: ['1', '6', '13'] })) as [KaryogramLayout, SyntheticChromosome[]]),
    );
    const big = parse({ scale: 24, width: 28, margin: 90, counts: { X: 1, Y: 1 } });
    expectMatchesTruth(big.layout, big.truth);
    const bare = parse({ baselines: false, labels: false, counts: { X: 1, Y: 1 } });
    expectMatchesTruth(bare.layout, bare.truth);
    expect(bare.layout.rows.every((r) => r.slotMethod === 'gaps')).toBe(true);
  });

  it('anchors slots on printed numbers when baselines are missing or span the whole row', () => {
    const numbersOnly = parse({ baselines: false, counts: { X: 1, Y: 1 } });
    expectMatchesTruth(numbersOnly.layout, numbersOnly.truth);
    expect(numbersOnly.layout.rows.every((r) => r.slotMethod === 'labels')).toBe(true);
    const rowLines = parse({ rowBaselines: true });
    expectMatchesTruth(rowLines.layout, rowLines.truth);
    expect(rowLines.layout.rows.every((r) => r.slotMethod === 'labels')).toBe(true);
  });

  it('ignores titles, annotation arrows and scanner noise, and works at a small scale', () => {
    const annotated = parse({ annotations: true, noise: 5, counts: { X: 1, Y: 1 } });
    expectMatchesTruth(annotated.layout, annotated.truth);
    const small = parse({ scale: 6.5, width: 8, baselines: false, labels: false });
    expectMatchesTruth(small.layout, small.truth);
  });

  it('survives everything at once: touching, broken, bent, trisomy, no baselines', () => {
    const hard = parse({
      touching: ['1', '5', '12', '16', '20'],
      broken: ['4', '10'],
      bent: ['3', '7'],
      counts: { '21': 3 },
      baselines: false,
      labels: false,
      seed: 2,
    });
    expectMatchesTruth(hard.layout, hard.truth);
  });

  it('reads a layout with a row wrapped onto two lines, and one with a row missing, with a warning', () => {
    const rows = [
      ['1', '2', '3', '4', '5'],
      ['6', '7', '8', '9', '10', '11', '12'],
      ['13', '14', '15', '16', '17', '18'],
      ['19', '20', '21', '22'],
      ['X', 'Y'],
    ] as const;
    const wrapped = parse({ rows, counts: { X: 1, Y: 1 }, baselines: false, labels: false });
    expectMatchesTruth(wrapped.layout, wrapped.truth);
    expect(wrapped.layout.warnings.join(' ')).toMatch(/row 4 wrapped/);
    const threeRows = parse({ rows: rows.slice(0, 3) });
    expectMatchesTruth(threeRows.layout, threeRows.truth);
    expect(threeRows.layout.warnings.join(' ')).toMatch(/row 4 missing/);
    for (const c of threeRows.layout.chromosomes) expect(c.confidence).toBeLessThan(0.75);
  });

  it('reads pale, low-contrast karyograms on a gray background', () => {
    const { image, chromosomes } = syntheticKaryogram({ counts: { X: 1, Y: 1 } });
    const pale = { ...image, pixels: image.pixels.map((v) => Math.round(230 - (255 - v) * 0.2)) };
    expectMatchesTruth(parseKaryogram(pale), chromosomes);
  });

  it('reads light-on-dark (Q-band, DAPI) karyograms by inverting them', () => {
    const { image, chromosomes } = syntheticKaryogram({ counts: { X: 1, Y: 1 } });
    const inverted = { ...image, pixels: image.pixels.map((v) => 255 - v) };
    expectMatchesTruth(parseKaryogram(inverted), chromosomes);
  });
});

describe('parseKaryogram refuses what is not a karyogram', () => {
  it('refuses a metaphase spread: no rows', () => {
    expect(() => parseKaryogram(syntheticMetaphase(3))).toThrow(KaryogramRejectedError);
    try {
      parseKaryogram(syntheticMetaphase(3));
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
    const { layout } = parse({ counts: { X: 1, Y: 1 } });
    const order = [...new Set(layout.chromosomes.map((c) => c.type))];
    expect(order).toEqual([...CHROMOSOME_TYPES]);
  });
});
