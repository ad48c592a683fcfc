import { describe, expect, it } from 'vitest';
import { RecentCases } from './case-cache';

describe('RecentCases', () => {
  it('holds at most its capacity, dropping the least recently used', () => {
    const cache = new RecentCases<number>(3);
    for (let i = 1; i <= 100; i++) cache.set(`case-${i}`, i);
    expect(cache.size).toBe(3);
    expect(['case-98', 'case-99', 'case-100'].map((id) => cache.get(id))).toEqual([98, 99, 100]);
    expect(cache.get('case-1')).toBeUndefined();
  });

  it('counts a read as a use, so the open case stays while others come and go', () => {
    const cache = new RecentCases<string>(2);
    cache.set('open', 'o');
    cache.set('a', 'a');
    expect(cache.get('open')).toBe('o');
    cache.set('b', 'b');
    expect(cache.has('open')).toBe(true);
    expect(cache.has('a')).toBe(false);
    cache.delete('open');
    expect(cache.size).toBe(1);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RecentCases(0)).toThrow(/capacity/);
  });
});
