import { describe, expect, it } from 'vitest';
import { copyFlag, verdictKind } from './verdict';

describe('numerical flags', () => {
  it('expects two autosomes per cell', () => {
    expect(copyFlag('21', [2, 2], { x: 1, y: 1 })).toBeNull();
    expect(copyFlag('21', [3, 2], { x: 1, y: 1 })).toBe('copies 3/2 (expected 2)');
  });

  it('reads X and Y by the case’s sex', () => {
    expect(copyFlag('X', [1, 1], { x: 1, y: 1 })).toBeNull();
    expect(copyFlag('Y', [1, 1], { x: 1, y: 1 })).toBeNull();
    expect(copyFlag('X', [2, 2], { x: 2, y: 0 })).toBeNull();
    expect(copyFlag('Y', [0, 0], { x: 2, y: 0 })).toBeNull();
    // 47,XXY: two X with a Y is flagged.
    expect(copyFlag('X', [2, 2], { x: 2, y: 1 })).toBe('copies 2/2 (expected 1)');
  });
});

describe('verdictKind', () => {
  it('tells abnormal, normal and unscored apart', () => {
    const base = { type: '5', copies: [2], pairs: [], region: null } as const;
    expect(verdictKind({ ...base, score: 0.9, abnormal: true })).toBe('abnormal');
    expect(verdictKind({ ...base, score: 0.1, abnormal: false })).toBe('normal');
    expect(verdictKind({ ...base, score: null, abnormal: null })).toBe('unscored');
    expect(verdictKind(undefined)).toBe('unscored');
  });
});
