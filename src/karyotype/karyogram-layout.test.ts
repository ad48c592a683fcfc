import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES } from '../shared/chromosome-types';
import { createGrayImage } from '../shared/gray-image';
import { drawText, textWidth } from './bitmap-font';
import { karyogramSlots } from './karyogram-layout';

describe('karyogram layout', () => {
  it('has one slot per type in ISCN rows, none overlapping', () => {
    const slots = karyogramSlots(1017, 896);
    expect(slots.map((s) => s.type)).toEqual([...CHROMOSOME_TYPES]);
    const rows = [...new Set(slots.map((s) => s.baselineY))];
    expect(rows).toHaveLength(4);
    const rowOf = (type: string): number => rows.indexOf(slots.find((s) => s.type === type)?.baselineY ?? -1);
    expect(['1', '5', '6', '12', '13', '18', '19', 'X', 'Y'].map(rowOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3]);
    for (const a of slots) {
      for (const b of slots) {
        if (a === b || a.baselineY !== b.baselineY) continue;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x).toBe(true);
      }
    }
  });

  it('scales with the canvas', () => {
    const half = karyogramSlots(508, 448);
    expect(half[0]?.baselineY).toBe(Math.round(253 / 2));
    expect(Math.max(...half.map((s) => s.x + s.width))).toBeLessThanOrEqual(508);
  });
});

describe('bitmap font', () => {
  it('prints digits, X and Y and refuses other characters', () => {
    const image = createGrayImage(40, 10);
    drawText(image, '21', 0, 0, 1);
    const inked = image.pixels.filter((v) => v === 0).length;
    expect(inked).toBeGreaterThan(10);
    expect(textWidth('21', 2)).toBe(22);
    expect(() => {
      drawText(image, 'Z', 0, 0, 1);
    }).toThrow(/no glyph for "Z"/);
  });
});
