import { describe, expect, it } from 'vitest';
import { labelComponents } from '../../imaging/segment/components';
import type { Point } from '../../imaging/segment/mask';
import { joinChromosomes, splitChromosome } from './object-edits';
import type { CaseChromosome } from './profiled-case';
import { spreadChromosomes } from '../testing/edited-spread';

const centreY = (c: CaseChromosome): number => (c.box ? (c.box.y0 + c.box.y1) / 2 : NaN);
const centreX = (c: CaseChromosome): number => (c.box ? (c.box.x0 + c.box.x1) / 2 : NaN);

/** The chromosome lying across y, picked by its box. */
function lyingAt(chromosomes: readonly CaseChromosome[], y: number): CaseChromosome[] {
  return chromosomes.filter((c) => Math.abs(centreY(c) - y) < 8).sort((a, b) => centreX(a) - centreX(b));
}

/** A cut across a chromosome picture at image column x (picture pixels). */
function cutAt(c: CaseChromosome, x: number): Point[] {
  const originX = (c.box?.x0 ?? 0) - 3;
  const height = c.axisPicture?.image.height ?? 0;
  return [
    { x: x - originX, y: 0 },
    { x: x - originX, y: height - 1 },
  ];
}

describe('splitting and joining a found chromosome', () => {
  const chromosomes = spreadChromosomes();

  it('splits a chromosome along a cut into two parts read the way it was, larger first', () => {
    const [long] = lyingAt(chromosomes, 200);
    if (long === undefined) throw new Error('the long chromosome was not found');
    // Read from its left end (p-ter, as drawn) or its right: the parts follow its direction.
    const leftFirst = (long.axisPicture?.axis[0]?.x ?? 0) < (long.axisPicture?.axis.at(-1)?.x ?? 0);
    const [larger, smaller] = splitChromosome(long, cutAt(long, 90));
    expect(larger.box.x0).toBeGreaterThan(85);
    expect(smaller.box.x1).toBeLessThan(95);
    expect(larger.samples + smaller.samples).toBeGreaterThan(0.85 * long.samples);
    expect(larger.samples + smaller.samples).toBeLessThan(1.1 * long.samples);
    expect(larger.samples).toBeGreaterThan(smaller.samples);
    for (const part of [larger, smaller]) {
      const axis = part.axisPicture.axis;
      const start = axis[0]?.x ?? 0;
      const end = axis.at(-1)?.x ?? 0;
      expect(start < end).toBe(leftFirst);
      // Cut out again around itself: the picture is its box plus the margin, with one object in its mask.
      expect(part.axisPicture.image.width).toBe(part.box.x1 - part.box.x0 + 6);
      const mask = part.axisPicture.recipe?.mask;
      if (mask === undefined) throw new Error('no recipe kept');
      expect(labelComponents(mask).components).toHaveLength(1);
      expect(part.axisCoverage).toBeGreaterThan(0.7);
      expect(part.axisCoverage).toBeLessThan(1.3);
    }
  });

  it('joins the two pieces of a broken chromosome into one as long as both and the gap', () => {
    const [left, right] = lyingAt(chromosomes, 250);
    if (left === undefined || right === undefined) throw new Error('the two pieces were not found');
    const joined = joinChromosomes(left, right);
    expect(joined.box).toEqual({
      x0: Math.min(left.box?.x0 ?? 0, right.box?.x0 ?? 0),
      y0: Math.min(left.box?.y0 ?? 0, right.box?.y0 ?? 0),
      x1: Math.max(left.box?.x1 ?? 0, right.box?.x1 ?? 0),
      y1: Math.max(left.box?.y1 ?? 0, right.box?.y1 ?? 0),
    });
    expect(joined.samples).toBeGreaterThan(0.95 * (left.samples + right.samples));
    // Read from the end nearer the first piece's p-ter.
    const pTer = left.axisPicture?.axis[0] ?? { x: 0, y: 0 };
    const pTerX = pTer.x + (left.box?.x0 ?? 0) - 3;
    const startX = (joined.axisPicture.axis[0]?.x ?? 0) + joined.box.x0 - 3;
    const endX = (joined.axisPicture.axis.at(-1)?.x ?? 0) + joined.box.x0 - 3;
    expect(Math.abs(startX - pTerX)).toBeLessThan(Math.abs(endX - pTerX));
  });

  it('splits and joins back to about the chromosome it was', () => {
    const [long] = lyingAt(chromosomes, 200);
    if (long === undefined) throw new Error('the long chromosome was not found');
    const [a, b] = splitChromosome(long, cutAt(long, 120));
    const again = joinChromosomes({ ...long, ...a }, { ...long, ...b });
    expect(Math.abs(again.samples - long.samples)).toBeLessThan(0.05 * long.samples);
  });

  it('refuses pieces too far apart, a chromosome without its picture, and a cut beside it', () => {
    const [left] = lyingAt(chromosomes, 250);
    const [long] = lyingAt(chromosomes, 200);
    const free = chromosomes.find((c) => centreY(c) < 120);
    if (left === undefined || long === undefined || free === undefined) throw new Error('objects missing');
    expect(() => joinChromosomes(free, left)).toThrow(/too far to be one chromosome/);
    const { axisPicture: _picture, ...bare } = long;
    expect(() => splitChromosome(bare, cutAt(long, 90))).toThrow(/cannot be split: only a chromosome found/);
    expect(() =>
      splitChromosome(long, [
        { x: 1, y: 1 },
        { x: 5, y: 1 },
      ]),
    ).toThrow(/does not part/);
  });
});
