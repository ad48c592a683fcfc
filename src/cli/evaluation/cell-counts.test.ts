import { describe, expect, it } from 'vitest';
import type { ScoredExample } from '../../model/eval/metrics';
import type { SampledBag } from '../../model/train/bag-sampler';
import { PROFILE_LENGTH, PROFILE_ROWS } from '../../shared/profile';
import { POOLED_CELL_COUNTS, cellCountFigures, renderCellCounts, type PooledSet } from './cell-counts';
import type { ScoredSet } from './report';

/** A bag of `cells` pairs of chromosome 1 (the profiles do not matter here). */
function bagOf(cells: number, label: 0 | 1): SampledBag {
  const profile = new Float32Array(PROFILE_ROWS * PROFILE_LENGTH);
  return {
    bag: {
      type: '1',
      pairs: Array.from({ length: cells }, () => ({ homologs: [profile, profile], bandLevel: 400 as const })),
    },
    label,
    kind: label === 1 ? 'deleted' : 'normal',
    size: label === 1 ? 'standard' : null,
    caseId: 'c',
  };
}

/** Four bags, half abnormal; scored perfectly (abnormal 0.9, normal 0.1) or backwards. */
function scoredBags(cells: number, perfect: boolean): { bags: SampledBag[]; scores: ScoredExample[] } {
  const bags = [bagOf(cells, 0), bagOf(cells, 1), bagOf(cells, 0), bagOf(cells, 1)];
  const scores = bags.map((b) => ({
    abnormal: b.label === 1,
    score: (b.label === 1) === perfect ? 0.9 : 0.1,
  }));
  return { bags, scores };
}

describe('What more cells buy', () => {
  it('gives AUC and F1 per number of cells, pooled and as the cases gave them', () => {
    const pooled: PooledSet[] = [];
    const pooledScores: ScoredExample[][] = [];
    for (const cells of POOLED_CELL_COUNTS) {
      for (const size of ['standard', 'subtle'] as const) {
        // Only the 5-cell bags are told apart, and only the standard ones.
        const made = scoredBags(cells, cells === 5 && size === 'standard');
        pooled.push({ cells, size, bags: made.bags });
        pooledScores.push(made.scores);
      }
    }
    const one = scoredBags(1, false);
    const two = scoredBags(2, true);
    const imageSets: ScoredSet[] = ['image standard', 'image subtle'].map((name) => ({
      name,
      bags: [...one.bags, ...two.bags.slice(0, 3)],
      scores: [...one.scores, ...two.scores.slice(0, 3)],
    }));
    const lines = renderCellCounts(cellCountFigures(pooled, pooledScores, imageSets, 0.5));
    const row = (prefix: string, from = 0): string =>
      lines.slice(from).find((l) => l.startsWith(prefix)) ?? '';
    expect(row('| 5 |')).toBe('| 5 | 100.00 | 100.00 | 0.00 | 0.00 |');
    expect(row('| 1 |')).toBe('| 1 | 0.00 | 0.00 | 0.00 | 0.00 |');
    const own = lines.findIndex((l) => l.startsWith('| Cells in the case'));
    expect(row('| 1 |', own)).toBe('| 1 | 0.00 | 0.00 | 0.00 | 0.00 | 2/2 | 2/2 |');
    expect(row('| 2 |', own)).toBe('| 2 | 100.00 | 100.00 | 100.00 | 100.00 | 1/2 | 1/2 |');
    expect(lines.join('\n')).toContain('4 bags per cell count');
  });
});
