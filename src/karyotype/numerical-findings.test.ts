import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../shared/chromosome-types';
import { findingText, numericalFindings, type TypeCopies } from './numerical-findings';

/** Copies per type over `cells` cells of a normal case of `sex`, with `changes` per type (one entry per cell). */
function caseCopies(
  cells: number,
  sex: 'XX' | 'XY',
  changes: Partial<Record<ChromosomeType, number[]>> = {},
): TypeCopies[] {
  return CHROMOSOME_TYPES.flatMap((type) => {
    const normal = type === 'X' ? (sex === 'XX' ? 2 : 1) : type === 'Y' ? (sex === 'XY' ? 1 : 0) : 2;
    const copies = changes[type] ?? Array.from({ length: cells }, () => normal);
    return copies.some((c) => c > 0) ? [{ type, copies }] : [];
  });
}

describe('numericalFindings', () => {
  it('finds nothing in normal female and male cases', () => {
    expect(numericalFindings(caseCopies(3, 'XX'))).toEqual([]);
    expect(numericalFindings(caseCopies(3, 'XY'))).toEqual([]);
  });

  it('names trisomies, monosomies and sex-chromosome complements in every cell', () => {
    expect(numericalFindings(caseCopies(2, 'XY', { '21': [3, 3] })).map(findingText)).toEqual(['+21']);
    expect(numericalFindings(caseCopies(2, 'XY', { X: [2, 2] })).map(findingText)).toEqual(['XXY']);
    expect(numericalFindings(caseCopies(1, 'XX', { X: [1] })).map(findingText)).toEqual(['X']);
    expect(numericalFindings(caseCopies(1, 'XY', { '7': [1], '13': [4] })).map(findingText)).toEqual([
      '−7',
      '+13,+13',
    ]);
  });

  it('says in how many cells a finding is seen when not all show it (a mosaic, or a miscounted cell)', () => {
    const mosaic = numericalFindings(caseCopies(4, 'XX', { '21': [3, 2, 3, 2] }));
    expect(mosaic).toEqual([{ label: '+21', types: ['21'], cells: 2, of: 4 }]);
    expect(findingText(mosaic[0] ?? { label: '', types: [], cells: 0, of: 0 })).toBe('+21 in 2 of 4 cells');
  });
});
