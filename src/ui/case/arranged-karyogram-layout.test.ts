import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../../shared/chromosome-types';
import {
  byType,
  drawnSize,
  KARYOGRAM_ROWS,
  layoutKaryogram,
  typeFromInput,
} from './arranged-karyogram-layout';

const item = (type: ChromosomeType, samples: number, width = 10, height = 100) => ({
  type,
  samples,
  image: { width, height },
});

const OPTIONS = {
  tallest: 100,
  top: 20,
  margin: 10,
  chromosomeGap: 4,
  slotGap: 12,
  minSlotWidth: 20,
  labelHeight: 16,
  rowGap: 8,
};

describe('arranged karyogram layout', () => {
  it('lays the ISCN rows out: 1-5, 6-12, 13-18, 19-22 with X and Y', () => {
    expect(KARYOGRAM_ROWS.map((row) => row.join(' '))).toEqual([
      '1 2 3 4 5',
      '6 7 8 9 10 11 12',
      '13 14 15 16 17 18',
      '19 20 21 22 X Y',
    ]);
  });

  it('draws every chromosome at one scale: height in proportion to its profile length', () => {
    const items = [item('1', 400), item('1', 380), item('21', 100), item('X', 300)];
    const layout = layoutKaryogram(items, OPTIONS);
    expect(layout.scale).toBeCloseTo(100 / 400);
    const placed = layout.slots.flatMap((s) => s.chromosomes);
    expect(placed.map((c) => c.height)).toEqual([100, 95, 25, 75]);
    // Width follows the picture's aspect (10 × 100) at that height.
    expect(placed.map((c) => c.width)).toEqual([10, 10, 3, 8]);
  });

  it('puts each chromosome in its type, side by side on the baseline, rows one under the other', () => {
    const items = [item('1', 400), item('1', 400), item('7', 200), item('Y', 100)];
    const layout = layoutKaryogram(items, OPTIONS);
    expect(layout.slots.map((s) => s.type)).toEqual(KARYOGRAM_ROWS.flat());
    const one = layout.slots.find((s) => s.type === '1');
    const seven = layout.slots.find((s) => s.type === '7');
    const y = layout.slots.find((s) => s.type === 'Y');
    const [a, b] = one?.chromosomes ?? [];
    expect(a && b && b.x - a.x).toBe(10 + 4);
    expect(a && a.y + a.height).toBe(one?.baseline);
    expect(one?.baseline).toBe(20 + 10 + 100);
    // Row 2 starts under row 1's label.
    expect(seven?.baseline).toBe((one?.baseline ?? 0) + 16 + 8 + 50);
    expect((y?.baseline ?? 0) > (seven?.baseline ?? 0)).toBe(true);
    // Every chromosome lies inside its slot and inside the image.
    for (const slot of layout.slots) {
      for (const c of slot.chromosomes) {
        expect(c.x).toBeGreaterThanOrEqual(slot.x);
        expect(c.x + c.width).toBeLessThanOrEqual(slot.x + slot.width);
        expect(c.x + c.width).toBeLessThanOrEqual(layout.width);
      }
    }
    expect(layout.height).toBeGreaterThan((y?.baseline ?? 0) + 16);
  });

  it('centres the rows in a wider image (a long title)', () => {
    const narrow = layoutKaryogram([item('1', 100)], OPTIONS);
    const wide = layoutKaryogram([item('1', 100)], { ...OPTIONS, minWidth: narrow.width + 200 });
    expect(wide.width).toBe(narrow.width + 200);
    for (const [i, slot] of wide.slots.entries()) expect(slot.x - (narrow.slots[i]?.x ?? 0)).toBe(100);
  });

  it('keeps a place for a type without chromosomes', () => {
    const layout = layoutKaryogram([item('1', 10)], OPTIONS);
    const empty = layout.slots.find((s) => s.type === '22');
    expect(empty?.chromosomes).toEqual([]);
    expect(empty?.width).toBe(20);
  });

  it('never draws a chromosome of no samples too small to see', () => {
    expect(drawnSize(item('1', 0), 1)).toEqual({ width: 2, height: 4 });
  });

  it('groups chromosomes by type in the given order', () => {
    const a = item('3', 1);
    const b = item('X', 2);
    const c = item('3', 3);
    const groups = byType([a, b, c]);
    expect(groups.get('3')).toEqual([a, c]);
    expect(groups.get('X')).toEqual([b]);
    expect(groups.get('5')).toEqual([]);
  });

  it('reads a typed type and refuses what is none', () => {
    expect(typeFromInput('7')).toBe('7');
    expect(typeFromInput(' 07 ')).toBe('7');
    expect(typeFromInput('x')).toBe('X');
    expect(typeFromInput('chr21')).toBe('21');
    expect(typeFromInput('23')).toBeNull();
    expect(typeFromInput('0')).toBeNull();
    expect(typeFromInput('')).toBeNull();
    expect(typeFromInput('Z')).toBeNull();
  });
});
