import { describe, expect, it } from 'vitest';
import { pickTicks, regionAxis } from './region-ticks';

describe('pickTicks', () => {
  const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', null, null];

  it('keeps the centromere, then the first region and the last before the padding', () => {
    expect(pickTicks(labels, 4, 4).map((t) => t.index)).toEqual([0, 4, 8]);
    // The last region gives way to a centromere closer than the gap.
    expect(pickTicks(labels, 6, 4).map((t) => t.index)).toEqual([0, 6]);
  });

  it('fills in every gap-th region where no chosen tick is near, and never ticks the padding', () => {
    expect(pickTicks(labels, 1, 2).map((t) => t.index)).toEqual([1, 4, 6, 8]);
    expect(pickTicks(labels, null, 1).map((t) => t.label)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
    ]);
  });
});

describe('regionAxis', () => {
  it('names every region of chromosome 5 at 400 bands and ticks the centromere', () => {
    const axis = regionAxis('5', 400, 300, 32, 16, 2);
    expect(axis.labels.slice(0, 3)).toEqual(['5p15.3–p14', '5p14–p13', '5p13–q11.2']);
    expect(axis.ticks.map((t) => t.label)).toContain('5p13–q11.2');
    expect(axis.ticks.at(-1)).toEqual({ index: 9, label: '5q35' });
    expect(axis.ticks.every((t) => /^5[pq]\d/.test(t.label))).toBe(true);
  });
});
