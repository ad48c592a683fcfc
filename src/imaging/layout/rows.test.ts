import { describe, expect, it } from 'vitest';
import { pieceFromMask, type Piece } from './piece';
import { findRows } from './rows';

/** A solid upright bar of `width` × `height` pixels with its top-left corner at (x, y). */
function bar(x: number, y: number, width: number, height: number): Piece {
  const mask = { width, height, data: new Uint8Array(width * height).fill(1) };
  const piece = pieceFromMask(mask, x, y, { parts: 1, split: false });
  if (piece === null) throw new Error('an empty bar');
  return piece;
}

/** A row of `count` bars 12 px wide, 30 px apart, standing on `baseline`, of the given heights in turn. */
function row(count: number, baseline: number, heights: readonly number[]): Piece[] {
  return Array.from({ length: count }, (_, i) => {
    const height = heights[i % heights.length] ?? 40;
    return bar(10 + 30 * i, baseline - height, 12, height);
  });
}

describe('findRows', () => {
  it('keeps two rows apart when a tall chromosome of the lower one reaches up beside the upper one', () => {
    // Upper row on y 100, lower on y 170: 10 px of gap, and the lower row's last bar (an X) stands
    // 80 px tall, 20 px into the upper row's height. Merged extents make one band of both rows.
    const upper = row(10, 100, [40, 36, 32]);
    const lower = [...row(9, 170, [30, 26]), bar(10 + 30 * 9, 90, 12, 80)];
    const rows = findRows([...upper, ...lower], 480);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.pieces).toHaveLength(10);
    expect(new Set(rows[0]?.pieces)).toEqual(new Set(upper));
    expect(new Set(rows[1]?.pieces)).toEqual(new Set(lower));
    // The tall one gives its row no height: the upper row's numbers may sit right under it.
    expect(rows[1]?.y0).toBe(140);
  });

  it('keeps one row whose chromosomes narrow at the same height (centromeres aligned)', () => {
    // Each bar is two blocks joined by a 4 px wide waist 6 px high: the row's projection halves there.
    const pieces = Array.from({ length: 10 }, (_, i) => {
      const width = 12;
      const height = 50;
      const data = new Uint8Array(width * height).fill(1);
      for (let y = 20; y < 26; y++)
        for (let x = 0; x < width; x++) if (x < 4 || x >= 8) data[y * width + x] = 0;
      const piece = pieceFromMask({ width, height, data }, 10 + 30 * i, 50, { parts: 1, split: false });
      if (piece === null) throw new Error('an empty bar');
      return piece;
    });
    expect(findRows(pieces, 480)).toHaveLength(1);
  });

  it('does not part scattered chromosomes at a valley of their projection (a metaphase spread)', () => {
    // Two clusters of 8 bars, each 4 px lower than the last (no line crosses 90 % of a cluster), and a
    // long bar across the gap between them: a valley as deep as a row gap, but neither side is a row.
    const scattered = (top: number): Piece[] =>
      Array.from({ length: 8 }, (_, i) => bar(10 + 30 * i, top + 4 * i, 12, 24));
    const pieces = [...scattered(0), ...scattered(160), bar(300, 40, 12, 140)];
    expect(findRows(pieces, 280)).toHaveLength(1);
  });

  it('leaves out a line of print above the rows: every piece of it lies flat', () => {
    const title = [bar(10, 5, 44, 13), bar(60, 5, 39, 14)];
    const upper = row(10, 100, [40, 36]);
    const lower = row(12, 180, [30, 26]);
    const rows = findRows([...title, ...upper, ...lower], 480);
    expect(rows).toHaveLength(2);
    expect(rows.flatMap((r) => r.pieces)).not.toContain(title[0]);
    expect(rows.flatMap((r) => r.pieces)).not.toContain(title[1]);
  });
});
