import type { ChromosomeType } from '../shared/chromosome-types';

/** Where one type's chromosomes go on a karyogram: a baseline segment, pixels. */
export interface KaryogramSlot {
  readonly type: ChromosomeType;
  /** Left end of the baseline. */
  readonly x: number;
  /** Baseline length; the type number is centred under it. */
  readonly width: number;
  /** Row of the baseline; chromosomes stand on it. */
  readonly baselineY: number;
  /** Top of the space chromosomes of this row may use. */
  readonly topY: number;
}

/** Reference canvas of the common vendor layout (1017 × 896 px), which the slots below are measured on. */
export const REFERENCE_SIZE = { width: 1017, height: 896 } as const;

// ISCN rows 1–5, 6–12, 13–18, 19–22 + X + Y, with the gaps of the common vendor layout (4 and 5 on the
// right of row 1, 16–18 on the right of row 3): [type, left, baseline width] per row.
const ROWS: readonly {
  baselineY: number;
  topY: number;
  slots: readonly [ChromosomeType, number, number][];
}[] = [
  {
    baselineY: 253,
    topY: 40,
    slots: [
      ['1', 22, 145],
      ['2', 191, 145],
      ['3', 361, 145],
      ['4', 672, 145],
      ['5', 842, 145],
    ],
  },
  {
    baselineY: 446,
    topY: 292,
    slots: [
      ['6', 22, 118],
      ['7', 163, 118],
      ['8', 305, 118],
      ['9', 446, 118],
      ['10', 588, 118],
      ['11', 729, 118],
      ['12', 870, 118],
    ],
  },
  {
    baselineY: 616,
    topY: 485,
    slots: [
      ['13', 22, 118],
      ['14', 163, 118],
      ['15', 305, 118],
      ['16', 588, 118],
      ['17', 729, 118],
      ['18', 870, 118],
    ],
  },
  {
    baselineY: 809,
    topY: 655,
    slots: [
      ['19', 22, 118],
      ['20', 163, 118],
      ['21', 375, 118],
      ['22', 516, 118],
      ['X', 729, 118],
      ['Y', 870, 118],
    ],
  },
];

/** The 24 slots scaled to a canvas of `width` × `height` pixels. */
export function karyogramSlots(width: number, height: number): KaryogramSlot[] {
  const sx = width / REFERENCE_SIZE.width;
  const sy = height / REFERENCE_SIZE.height;
  return ROWS.flatMap((row) =>
    row.slots.map(([type, x, w]) => ({
      type,
      x: Math.round(x * sx),
      width: Math.round(w * sx),
      baselineY: Math.round(row.baselineY * sy),
      topY: Math.round(row.topY * sy),
    })),
  );
}
