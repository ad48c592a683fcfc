import { describe, expect, it } from 'vitest';
import type { CellSummary } from '../../worker/analysis-api';
import { scoredCellCount } from './scored-cells';

function cell(id: string, excluded = false, chromosomes = 46): CellSummary {
  return {
    id,
    source: `${id}.png`,
    bandLevel: 400,
    bandLevelConfidence: 1,
    bandLevelOverridden: false,
    chromosomes,
    excluded,
    warnings: [],
  };
}

describe('scoredCellCount', () => {
  it('counts neither excluded cells nor cells without chromosomes', () => {
    expect(scoredCellCount({ cells: [cell('a'), cell('b'), cell('c')] })).toBe(3);
    expect(scoredCellCount({ cells: [cell('a'), cell('b', true), cell('c', false, 0)] })).toBe(1);
    expect(scoredCellCount({ cells: [] })).toBe(0);
  });
});
