import { describe, expect, it } from 'vitest';
import { componentMask, labelComponents } from './components';
import { distanceToBackground } from './distance';
import type { BinaryMask } from './mask';

function maskOf(rows: readonly string[]): BinaryMask {
  const width = rows[0]?.length ?? 0;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data[y * width + x] = row[x] === '#' ? 1 : 0;
  });
  return { width, height: rows.length, data };
}

describe('labelComponents', () => {
  it('labels 8-connected components with areas, boxes and centroids', () => {
    const mask = maskOf(['##...#', '.#...#', '..#...', '......', '###..#']);
    const { components, labels } = labelComponents(mask);
    // The diagonal chain at the top left is one component (8-connectivity).
    expect(components.map((c) => c.area)).toEqual([4, 2, 3, 1]);
    expect(components[0]?.box).toEqual({ x0: 0, y0: 0, x1: 3, y1: 3 });
    expect(components[2]?.centroidX).toBeCloseTo(1);
    expect(labels[2 * 6 + 2]).toBe(1);
    expect(labels[4 * 6 + 5]).toBe(4);
  });

  it('merges provisional labels that meet further down (U shapes)', () => {
    const mask = maskOf(['#...#', '#...#', '#####']);
    const { components } = labelComponents(mask);
    expect(components).toHaveLength(1);
    expect(components[0]?.area).toBe(9);
  });

  it('cuts the mask of chosen components to a box', () => {
    const mask = maskOf(['##..#', '##..#']);
    const labelling = labelComponents(mask);
    const cut = componentMask(labelling, new Set([2]), { x0: 3, y0: 0, x1: 5, y1: 2 });
    expect(Array.from(cut.data)).toEqual([0, 1, 0, 1]);
  });
});

describe('distanceToBackground', () => {
  it('measures the inscribed radius of a bar within 10 %', () => {
    const rows = Array.from({ length: 21 }, (_, y) =>
      y >= 5 && y < 16 ? '.' + '#'.repeat(40) + '.' : '.'.repeat(42),
    );
    const distance = distanceToBackground(maskOf(rows));
    const centre = distance[10 * 42 + 20] ?? 0;
    expect(centre).toBeGreaterThan(5.5);
    expect(centre).toBeLessThan(6.6);
    expect(distance[0]).toBe(0);
  });
});
