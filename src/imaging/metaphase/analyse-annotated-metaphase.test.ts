import { describe, expect, it } from 'vitest';
import {
  A_3_TOUCHING_A_7,
  FREE_PAIRS_1_2_AND_A_3,
  syntheticMetaphase,
  type DrawnChromosome,
} from '../testing/synthetic-metaphase';
import { darknessImage, estimateBackground } from '../segment/background';
import { labelComponents } from '../segment/components';
import { chooseThresholds, hysteresisThreshold } from '../segment/threshold';
import { analyseAnnotatedMetaphase } from './analyse-annotated-metaphase';
import { cutOutBoxes } from './box-cut-outs';
import { parseVocAnnotation } from './voc-annotation';

/**
 * Six chromosomes at different angles: a free-standing pair of 1 and of 2, a pair of 3 whose second copy
 * touches a 7 end to end, and a 7 that also touches an unboxed nucleus.
 */
const CHROMOSOMES: DrawnChromosome[] = [...FREE_PAIRS_1_2_AND_A_3, ...A_3_TOUCHING_A_7];
const NUCLEUS = { x: 264, y: 200, radius: 16 };

function metaphase(): ReturnType<typeof syntheticMetaphase> {
  return syntheticMetaphase(320, 240, CHROMOSOMES, [NUCLEUS]);
}

describe('cutOutBoxes', () => {
  it('cuts each chromosome out of its box, shares touching ones out, and says which ones touch', () => {
    const { image, xml } = metaphase();
    const annotation = parseVocAnnotation(new TextEncoder().encode(xml), image);
    const background = estimateBackground(image);
    const darkness = darknessImage(image, background);
    const mask = hysteresisThreshold(
      darkness,
      image.width,
      image.height,
      chooseThresholds(background, darkness),
    );
    const cuts = cutOutBoxes(labelComponents(mask), annotation.boxes);
    expect(cuts.map((c) => c.doubt)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'touches or crosses C7',
      'touches or crosses A3',
    ]);
    // A free chromosome's cut-out is its whole drawn tube: length × width plus the rounded ends.
    const first = cuts[0];
    expect(first?.areaPixels).toBeGreaterThan(0.9 * (90 * 10 + Math.PI * 25));
    expect(first?.areaPixels).toBeLessThan(1.15 * (90 * 10 + Math.PI * 25));
    // The touching 3 keeps its own 60-pixel tube and none of the 7 (56 pixels) or the nucleus.
    const touching = cuts[5];
    expect(touching?.areaPixels).toBeGreaterThan(0.85 * (60 * 10 + Math.PI * 25));
    expect(touching?.areaPixels).toBeLessThan(1.15 * (60 * 10 + Math.PI * 25));
    // The 7 loses the nucleus it touches (cut at its box) and the 3.
    expect(cuts[6]?.areaPixels).toBeLessThan(1.2 * (56 * 10 + Math.PI * 25));
  });

  it('marks a chromosome joined to an unboxed object as doubtful', () => {
    const { image, xml } = syntheticMetaphase(
      200,
      200,
      [CHROMOSOMES[0] as DrawnChromosome],
      [{ x: 20, y: 124, radius: 14 }],
    );
    const annotation = parseVocAnnotation(new TextEncoder().encode(xml), image);
    const background = estimateBackground(image);
    const darkness = darknessImage(image, background);
    const mask = hysteresisThreshold(
      darkness,
      image.width,
      image.height,
      chooseThresholds(background, darkness),
    );
    const [cut] = cutOutBoxes(labelComponents(mask), annotation.boxes);
    expect(cut?.doubt).toContain('touches another object');
  });
});

describe('analyseAnnotatedMetaphase', () => {
  it('profiles every boxed chromosome with its type and copy, p-ter read the same way for each pair', () => {
    const { image, xml } = metaphase();
    const annotation = parseVocAnnotation(new TextEncoder().encode(xml), image);
    const analysis = analyseAnnotatedMetaphase(image, annotation);
    expect(analysis.chromosomes.map((c) => `${c.type}/${c.homolog}`)).toEqual([
      '1/0',
      '1/1',
      '2/0',
      '2/1',
      '3/0',
      '3/1',
      '7/0',
    ]);
    expect(analysis.chromosomes.map((c) => c.cutOutDoubt ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'touches or crosses C7',
      'touches or crosses A3',
    ]);
    // Relative lengths survive the common scale: the 90-pixel 1 is longer than the 60-pixel 3.
    const [one, , , , , three] = analysis.chromosomes;
    expect(one?.samples).toBeGreaterThan(1.3 * (three?.samples ?? 0));
    // The two copies of 1, one upright and one slanted, read alike once oriented.
    const [a, b] = analysis.chromosomes;
    const n = Math.min(a?.samples ?? 0, b?.samples ?? 0);
    let difference = 0;
    for (let i = 0; i < n; i++) difference += Math.abs((a?.profile[i] ?? 0) - (b?.profile[i] ?? 0));
    expect(difference / n).toBeLessThan(0.08);
    expect(analysis.warnings.join('\n')).toContain('p-ter read from the banding');
    expect(analysis.warnings.join('\n')).toContain('A3 copy 2: touches or crosses C7');
  });

  it('leaves out a box round nothing, and says so', () => {
    const { image, xml } = metaphase();
    const withEmptyBox = xml.replace(
      '</annotation>',
      '<object><name>G21</name><bndbox><xmin>290</xmin><ymin>60</ymin><xmax>310</xmax><ymax>90</ymax></bndbox></object></annotation>',
    );
    const analysis = analyseAnnotatedMetaphase(
      image,
      parseVocAnnotation(new TextEncoder().encode(withEmptyBox), image),
    );
    expect(analysis.chromosomes).toHaveLength(7);
    expect(analysis.warnings).toContain('no chromosome found in the box of G21 at (290, 60): left out');
  });

  it('stops when its signal is aborted', () => {
    const { image, xml } = metaphase();
    const annotation = parseVocAnnotation(new TextEncoder().encode(xml), image);
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    expect(() => analyseAnnotatedMetaphase(image, annotation, { signal: controller.signal })).toThrow(
      'cancelled',
    );
  });
});
