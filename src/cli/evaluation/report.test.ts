import { describe, expect, it } from 'vitest';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { lengthGroupFigures, renderLengthGroups } from './report';

function bag(type: ChromosomeType, label: number): SampledBag {
  return {
    bag: { type, pairs: [] },
    label,
    kind: label === 1 ? 'deleted' : 'normal',
    size: label === 1 ? 'subtle' : null,
    caseId: 'c',
  };
}

describe('AUC per length group', () => {
  it('scores each ISCN group on its own bags and says when a group cannot be scored', () => {
    const bags = [bag('1', 1), bag('2', 0), bag('3', 1), bag('21', 1), bag('22', 0), bag('5', 0)];
    // Group A separates perfectly, group G is inverted, group B has no abnormal bag.
    const scores = [0.9, 0.1, 0.8, 0.2, 0.7, 0.4].map((score, i) => ({
      score,
      abnormal: bags[i]?.label === 1,
    }));
    const lines = renderLengthGroups(lengthGroupFigures([{ name: 'image subtle', bags, scores }]));
    expect(lines).toContain('| A | 1, 2, 3 | 100.00 (2/1) |');
    expect(lines).toContain('| G | 21, 22, Y | 0.00 (1/1) |');
    expect(lines).toContain('| B | 4, 5 | – (0/1) |');
    expect(lines).toContain('| C | 6, 7, 8, 9, 10, 11, 12, X | – (0/0) |');
  });
});
