import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, chromosomeTypeIndex, type ChromosomeType } from '../shared/chromosome-types';
import { assignCellTypes } from './cell-type-assignment';

/** Probabilities with `weights` on the named types and the rest spread thinly. */
function probabilities(weights: Partial<Record<ChromosomeType, number>>): Float32Array {
  const p = new Float32Array(CHROMOSOME_TYPES.length).fill(0.001);
  for (const [type, w] of Object.entries(weights)) p[chromosomeTypeIndex(type as ChromosomeType)] = w;
  const sum = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / sum);
}

/** A normal cell of clear chromosomes: two of each autosome and the given sex chromosomes. */
function clearCell(sex: readonly ChromosomeType[]): Float32Array[] {
  const types: ChromosomeType[] = [
    ...CHROMOSOME_TYPES.filter((t) => t !== 'X' && t !== 'Y').flatMap((t) => [t, t]),
    ...sex,
  ];
  return types.map((t) => probabilities({ [t]: 0.95 }));
}

describe('assignCellTypes', () => {
  it('keeps clear first choices and reads the sex complement', () => {
    const male = assignCellTypes(clearCell(['X', 'Y']));
    expect(male.sex).toBe('XY');
    expect(male.chromosomes.every((c) => c.type === c.firstChoice)).toBe(true);
    expect(assignCellTypes(clearCell(['X', 'X'])).sex).toBe('XX');
  });

  it('splits two chromosomes read as the same type when one of them is also a good other type', () => {
    const cell = clearCell(['X', 'Y']).filter((_, i) => i !== 8 && i !== 9); // both 5s taken out
    cell.push(probabilities({ '4': 0.6, '5': 0.35 }), probabilities({ '4': 0.55, '5': 0.1 }));
    // Now three chromosomes are first read as 4: the two 4s and the first newcomer.
    const assigned = assignCellTypes(cell).chromosomes;
    expect(assigned.at(-2)?.type).toBe('5');
    expect(assigned.at(-2)?.firstChoice).toBe('4');
    expect(assigned.filter((c) => c.type === '4')).toHaveLength(2);
  });

  it('keeps a third copy with clear evidence (a trisomy is reported, not forced away)', () => {
    const cell = [...clearCell(['X', 'Y']), probabilities({ '21': 0.97, '22': 0.01 })];
    expect(assignCellTypes(cell).chromosomes.filter((c) => c.type === '21')).toHaveLength(3);
  });

  it('moves a doubtful third copy to a type that is short of one', () => {
    const cell = clearCell(['X', 'Y']).filter((_, i) => i !== 43); // one 22 missing
    const doubtful = probabilities({ '21': 0.5, '22': 0.3 });
    cell.push(doubtful);
    const last = assignCellTypes(cell).chromosomes.at(-1);
    expect(last?.type).toBe('22');
    expect(last?.firstChoice).toBe('21');
    // Its confidence is the classifier's probability of the type it was given, not of its first choice.
    expect(last?.confidence).toBe(doubtful[chromosomeTypeIndex('22')]);
  });

  it('assigns every chromosome of a cell larger than a normal one', () => {
    const cell = [...clearCell(['X', 'Y']), ...clearCell(['X', 'Y'])];
    const assigned = assignCellTypes(cell).chromosomes;
    expect(assigned).toHaveLength(92);
    expect(assigned.every((c) => c.type === c.firstChoice)).toBe(true);
  });
});
