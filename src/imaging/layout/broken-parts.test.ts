import { describe, expect, it } from 'vitest';
import type { Component } from '../segment/components';
import { groupBrokenParts } from './broken-parts';

/** A component filling the box (x0, y0)–(x1, y1). */
function part(label: number, x0: number, y0: number, x1: number, y1: number): Component {
  return {
    label,
    area: (x1 - x0) * (y1 - y0),
    box: { x0, y0, x1, y1 },
    centroidX: (x0 + x1) / 2,
    centroidY: (y0 + y1) / 2,
  };
}

describe('groupBrokenParts', () => {
  // 25 px wide chromosomes; the tallest stands 165 px. A part 86 px tall stands 18 px above one 74 px
  // tall (0.72 of a width), as AICS-75-85's 8 stands above its 15 in the next row.
  const tallest = part(1, 500, 0, 525, 165);
  const above = part(2, 260, 215, 287, 301);
  const below = part(3, 262, 319, 288, 393);

  it('joins two stacked parts close enough to be one broken chromosome', () => {
    const groups = groupBrokenParts([tallest, above, below], [], [], 25, []);
    expect(groups).toHaveLength(2);
  });

  it('never joins parts the rows put in different rows', () => {
    const rowOf = new Map([
      [tallest, 0],
      [above, 1],
      [below, 2],
    ]);
    const groups = groupBrokenParts([tallest, above, below], [], [], 25, [], rowOf);
    expect(groups.map((g) => g.map((c) => c.label))).toEqual([[1], [2], [3]]);
  });

  it('joins parts of the same row, and a part without a row to either', () => {
    const rowOf = new Map([
      [tallest, 0],
      [above, 1],
    ]);
    const groups = groupBrokenParts([tallest, above, below], [], [], 25, [], rowOf);
    expect(groups.map((g) => g.map((c) => c.label))).toEqual([[1], [2, 3]]);
  });
});
