import { describe, expect, it } from 'vitest';
import { pearson } from './statistics';

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
