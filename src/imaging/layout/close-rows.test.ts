import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { karyogramSlots, type KaryogramSlot } from '../../karyotype/karyogram-layout';
import { renderedKaryogram } from '../testing/rendered-cells';
import type { KaryogramLayout } from './karyogram-layout';
import { parseKaryogram } from './parse-karyogram';

const ROW_2: readonly ChromosomeType[] = ['6', '7', '8', '9', '10', '11', '12'];
const ROW_3: readonly ChromosomeType[] = ['13', '14', '15', '16', '17', '18'];
const ROW_4: readonly ChromosomeType[] = ['19', '20', '21', '22', 'X', 'Y'];
const OPTIONS = { numbers: false, baselines: 'none' } as const;

/** Highest top or lowest bottom of the chromosomes of `types` as parsed from the usual layout, pixels. */
function extent(layout: KaryogramLayout, types: readonly ChromosomeType[], side: 'top' | 'bottom'): number {
  const boxes = layout.chromosomes.filter((c) => types.includes(c.type)).map((c) => c.box);
  return side === 'top' ? Math.min(...boxes.map((b) => b.y0)) : Math.max(...boxes.map((b) => b.y1));
}

/** The usual slots with rows 3 and 4 moved up by the given pixels, and some slots put elsewhere. */
function movedSlots(
  up3: number,
  up4: number,
  placed: Partial<Record<ChromosomeType, [number, number]>> = {},
): KaryogramSlot[] {
  return karyogramSlots(1017, 896).map((slot) => {
    const up = ROW_3.includes(slot.type) ? up3 : ROW_4.includes(slot.type) ? up4 : 0;
    const [x, width] = placed[slot.type] ?? [slot.x, slot.width];
    return { ...slot, x, width, baselineY: slot.baselineY - up, topY: slot.topY - up };
  });
}

function countsOf(layout: KaryogramLayout): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of layout.chromosomes) counts[c.type] = (counts[c.type] ?? 0) + 1;
  return counts;
}

const NORMAL_XY: Record<string, number> = Object.fromEntries(
  CHROMOSOME_TYPES.map((type) => [type, type === 'X' || type === 'Y' ? 1 : 2]),
);

describe('karyogram rows closer than a chromosome width', () => {
  const usual = parseKaryogram(renderedKaryogram('46,XY', OPTIONS).image);
  const rowGap = (upper: readonly ChromosomeType[], lower: readonly ChromosomeType[]): number =>
    extent(usual, lower, 'top') - extent(usual, upper, 'bottom');

  it('reads 46,XY when row 3 stands 10 px under row 2 (its chromosomes right below row 2’s)', () => {
    // 10 px is half a chromosome width: an 8 of row 2 stands right above a 15 of row 3, as AICS-75-85's.
    const up3 = rowGap(ROW_2, ROW_3) - 10;
    const slots = movedSlots(up3, up3);
    const layout = parseKaryogram(renderedKaryogram('46,XY', { ...OPTIONS, slots }).image);
    expect(countsOf(layout)).toEqual(NORMAL_XY);
    expect(layout.rows).toHaveLength(4);
    expect(layout.warnings).toEqual([]);
  });

  it('reads 46,XY when the X stands in row 4 reaching 25 px up beside row 3', () => {
    // Row 4's slots packed left so that the X stands under the empty place in row 3 (between 15 and
    // 16), and row 4 moved up until the X's top is 25 px above row 3's bottom, as AICS-90-391's.
    const placed: Partial<Record<ChromosomeType, [number, number]>> = {
      '19': [22, 90],
      '20': [122, 90],
      '21': [222, 90],
      '22': [322, 90],
      X: [460, 100],
    };
    const up4 = extent(usual, ['X'], 'top') - extent(usual, ROW_3, 'bottom') + 25;
    const slots = movedSlots(0, up4, placed);
    const layout = parseKaryogram(renderedKaryogram('46,XY', { ...OPTIONS, slots }).image);
    expect(countsOf(layout)).toEqual(NORMAL_XY);
    expect(layout.rows).toHaveLength(4);
    expect(layout.warnings).toEqual([]);
  });
});
