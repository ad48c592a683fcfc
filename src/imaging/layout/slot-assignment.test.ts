import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { RELATIVE_LENGTH } from './relative-length';
import { assignSlotsByAnchors, assignSlotsByGaps, type SlotCandidate } from './slot-assignment';

const LAST_ROW: readonly ChromosomeType[] = ['19', '20', '21', '22', 'X', 'Y'];

/** Pieces of the given types left to right: homologs 4 px apart, slots 60 px apart, 10 px wide. */
function row(types: readonly ChromosomeType[][], scale: number): SlotCandidate[] {
  const out: SlotCandidate[] = [];
  let x = 0;
  for (const slot of types) {
    for (const type of slot) {
      out.push({ x0: x, x1: x + 10, length: RELATIVE_LENGTH[type] * scale, row: 0 });
      x += 14;
    }
    x += 50;
  }
  return out;
}

describe('assignSlotsByGaps', () => {
  const options = { chromosomeWidth: 10, lengthScale: 5 };

  it('puts pairs into slots by the gaps between them', () => {
    const pieces = row([['19', '19'], ['20', '20'], ['21', '21'], ['22', '22'], ['X'], ['Y']], 5);
    expect(assignSlotsByGaps(pieces, LAST_ROW, options).slotOf).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5]);
  });

  it('tells an X and a Y standing close together apart by size', () => {
    const pieces = row(
      [
        ['19', '19'],
        ['20', '20'],
        ['21', '21'],
        ['22', '22'],
        ['X', 'Y'],
      ],
      5,
    );
    expect(assignSlotsByGaps(pieces, LAST_ROW, options).slotOf).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 5]);
  });

  it('leaves the Y slot empty for two X and keeps a trisomy together', () => {
    const xx = row(
      [
        ['19', '19'],
        ['20', '20'],
        ['21', '21'],
        ['22', '22'],
        ['X', 'X'],
      ],
      5,
    );
    expect(assignSlotsByGaps(xx, LAST_ROW, options).slotOf).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    const trisomy = row(
      [
        ['19', '19'],
        ['20', '20'],
        ['21', '21', '21'],
        ['22', '22'],
        ['X', 'X'],
      ],
      5,
    );
    expect(assignSlotsByGaps(trisomy, LAST_ROW, options).slotOf).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
  });
});

describe('assignSlotsByAnchors', () => {
  it('assigns pieces to the anchor they overlap, else the nearest', () => {
    const anchors = [
      { x0: 0, x1: 50 },
      { x0: 60, x1: 110 },
    ];
    const pieces = [
      { x0: 10, x1: 20, length: 1, row: 0 },
      { x0: 55, x1: 59, length: 1, row: 0 },
      { x0: 100, x1: 130, length: 1, row: 0 },
    ];
    expect(assignSlotsByAnchors(pieces, anchors)).toEqual([0, 1, 1]);
  });
});
