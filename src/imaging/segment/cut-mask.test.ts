import { describe, expect, it } from 'vitest';
import { labelComponents } from './components';
import { cutMask, MIN_PART_SHARE } from './cut-mask';
import { createMask, type BinaryMask } from './mask';

/** A filled rectangle of a mask, pixels [x0, x1) × [y0, y1). */
function rectangle(
  width: number,
  height: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): BinaryMask {
  const mask = createMask(width, height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) mask.data[y * width + x] = 1;
  return mask;
}

const area = (mask: BinaryMask): number => mask.data.reduce((sum, v) => sum + v, 0);

describe('cutMask', () => {
  it('parts a bar across its middle into two connected parts that share out every pixel, larger first', () => {
    const bar = rectangle(80, 20, 5, 5, 75, 15);
    const [larger, smaller] = cutMask(bar, [
      { x: 30, y: 0 },
      { x: 32, y: 19 },
    ]);
    expect(area(larger) + area(smaller)).toBe(area(bar));
    expect(area(larger)).toBeGreaterThan(area(smaller));
    for (const part of [larger, smaller]) expect(labelComponents(part).components).toHaveLength(1);
    // The left piece (x < 31) is the smaller one; nothing of it lies in the larger.
    expect(smaller.data[10 * 80 + 10]).toBe(1);
    expect(larger.data[10 * 80 + 10]).toBe(0);
    expect(larger.data[10 * 80 + 60]).toBe(1);
  });

  it('parts along a diagonal cut without leaking through it', () => {
    const square = rectangle(40, 40, 2, 2, 38, 38);
    const [a, b] = cutMask(square, [
      { x: 0, y: 0 },
      { x: 39, y: 39 },
    ]);
    expect(area(a) + area(b)).toBe(area(square));
    expect(Math.abs(area(a) - area(b))).toBeLessThan(0.1 * area(square));
  });

  it('follows a cut of several points (a bent cut between two chromosomes side by side)', () => {
    const block = rectangle(60, 60, 5, 5, 55, 55);
    const [a, b] = cutMask(block, [
      { x: 30, y: 0 },
      { x: 20, y: 30 },
      { x: 30, y: 59 },
    ]);
    expect(area(a) + area(b)).toBe(area(block));
    // (25, 30) lies right of the bend: the larger part's; (15, 30) left of it.
    expect(a.data[30 * 60 + 25]).toBe(1);
    expect(b.data[30 * 60 + 15]).toBe(1);
  });

  it('refuses a cut that does not cross the object from edge to edge', () => {
    const bar = rectangle(80, 20, 5, 5, 75, 15);
    expect(() =>
      cutMask(bar, [
        { x: 30, y: 0 },
        { x: 30, y: 9 },
      ]),
    ).toThrow(/does not part the object/);
    expect(() => cutMask(bar, [{ x: 30, y: 0 }])).toThrow(/at least two points/);
  });

  it('refuses a cut that only slices off a crumb', () => {
    const bar = rectangle(80, 20, 5, 5, 75, 15);
    const tip = Math.floor(5 + 70 * MIN_PART_SHARE * 0.5);
    expect(() =>
      cutMask(bar, [
        { x: tip, y: 0 },
        { x: tip, y: 19 },
      ]),
    ).toThrow(/too small to be a chromosome/);
  });
});
