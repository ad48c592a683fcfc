import { describe, expect, it } from 'vitest';
import { CHROMOSOME_TYPES, chromosomeTypeIndex, type ChromosomeType } from '../../shared/chromosome-types';
import { classifierFigures, type ScoredCell } from './classifier-figures';

const sure = (type: ChromosomeType, weight = 0.9): Float32Array => {
  const p = new Float32Array(CHROMOSOME_TYPES.length).fill((1 - weight) / (CHROMOSOME_TYPES.length - 1));
  p[chromosomeTypeIndex(type)] = weight;
  return p;
};

/** A normal male cell, every chromosome read as its type, and its annotated types. */
function cell(): { types: number[]; probabilities: Float32Array[] } {
  const types = [
    ...CHROMOSOME_TYPES.filter((t) => t !== 'X' && t !== 'Y').flatMap((t) => [t, t]),
    'X' as const,
    'Y' as const,
  ];
  return { types: types.map(chromosomeTypeIndex), probabilities: types.map((t) => sure(t)) };
}

describe('classifierFigures', () => {
  it('counts first choices, the assignment, exact cells and confusions', () => {
    const right = cell();
    const swapped = cell();
    // One 4 read as a 5 at first, but also a fair 4: the cell's assignment puts it back.
    swapped.probabilities[6] = (() => {
      const p = sure('5', 0.55);
      p[chromosomeTypeIndex('4')] = 0.4;
      return p;
    })();
    const lost = cell();
    // One 21 read as a clear 22: a third 22, kept (its evidence is clear), so counts are off.
    lost.probabilities[40] = sure('22', 0.999);
    const cells: ScoredCell[] = [right, swapped, lost].map((c) => ({
      ...c,
      doubtful: c.types.map((_, i) => i === 0),
    }));
    const f = classifierFigures(cells);
    expect(f.cells).toBe(3);
    expect(f.chromosomes).toBe(138);
    expect(f.firstChoiceAccuracy).toBeCloseTo(136 / 138, 6);
    expect(f.assignedAccuracy).toBeCloseTo(137 / 138, 6);
    expect(f.cleanChromosomes).toBe(135);
    expect(f.exactCountCells).toBeCloseTo(2 / 3, 6);
    expect(f.sexRight).toBe(1);
    expect(f.confusions).toEqual([{ truth: '21', assigned: '22', count: 1 }]);
    expect(f.byType[chromosomeTypeIndex('21')]).toBeCloseTo(5 / 6, 6);
  });
});
