import { describe, expect, it } from 'vitest';
import type { BudgetRow } from './budgets';
import { changesOf, renderBudgets } from './budgets';

const SHIPPED: BudgetRow = {
  label: 'HomNet (shipped)',
  modelId: 'homnet-s',
  network: '+ pair measures',
  mergeRange: 32,
  input: 'pair',
  changes: '100 % on images',
  steps: 2400,
  maxSteps: 3000,
  bestStep: 2200,
  batch: 48,
  minutes: 85.5,
};

describe('training budgets', () => {
  it('gives steps of the maximum when a run stopped early, and "not recorded" for missing figures', () => {
    const lines = renderBudgets([
      SHIPPED,
      { ...SHIPPED, label: 'range#8', mergeRange: 8, steps: 2400, batch: null },
    ]);
    expect(lines).toContain(
      '| HomNet (shipped) | `homnet-s` | + pair measures | 32 | pair | 100 % on images | 2400 (of 3000) | 2200 | 48 | 85.5 |',
    );
    expect(lines).toContain(
      '| range#8 | `homnet-s` | + pair measures | 8 | pair | 100 % on images | 2400 (of 3000) | 2200 | not recorded | 85.5 |',
    );
    // Same steps, changes and network: nothing to warn about.
    expect(lines.join('\n')).not.toMatch(/Unequal budgets|Other artificial changes|Other network/);
  });

  it('warns when an ablation ran another budget', () => {
    const text = renderBudgets([
      SHIPPED,
      { ...SHIPPED, label: 'w/o Pair', steps: 1500, maxSteps: 1500 },
    ]).join('\n');
    expect(text).toContain('Unequal budgets: w/o Pair ran 1500 steps, the shipped HomNet 2400.');
  });

  it("reads where a model's changes were made from its data note", () => {
    expect(changesOf({ data: 'pki3, artificial abnormalities: 40 % cut into crop images' })).toBe(
      '40 % on images',
    );
    expect(changesOf({ data: 'pki3, artificial abnormalities: 0 % cut into crop images' })).toBe(
      'on profiles',
    );
    expect(changesOf(undefined)).toBe('on profiles');
  });
});
