import { describe, expect, it } from 'vitest';
import { median, pearson, upperMedian } from './statistics';

describe('pearson', () => {
  it('is 1 for a linear relation, -1 for an inverted one and 0 for a constant series', () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBe(0);
  });

  it('uses only the first n values', () => {
    expect(pearson([1, 2, 3, 100], [1, 2, 3, -100], 3)).toBeCloseTo(1, 12);
  });
});

describe('median and upperMedian', () => {
  it('agree on an odd count and differ on an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(upperMedian([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(upperMedian([4, 1, 3, 2])).toBe(3);
  });

  it('are NaN for no values and leave their input unsorted', () => {
    expect(median([])).toBeNaN();
    expect(upperMedian([])).toBeNaN();
    const values = [2, 1];
    median(values);
    upperMedian(values);
    expect(values).toEqual([2, 1]);
  });
});
