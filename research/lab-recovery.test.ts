import { describe, expect, it } from 'vitest';
import { formatRecovery, formatSplitSummary, meanWithError, recoveredShare } from './lab-recovery';

describe('lab recovery figures', () => {
  it('gives the share of the loss won back, and none when nothing was lost', () => {
    expect(recoveredShare(0.02, 0.01)).toBeCloseTo(50);
    expect(recoveredShare(-0.003, 0.01)).toBeNull();
    expect(formatRecovery({ seed: 3, loss: -0.003, recovered: 0.01, controlGain: null })).toContain(
      'n/a: nothing lost',
    );
    expect(formatRecovery({ seed: 4, loss: 0.02, recovered: 0.005, controlGain: 0.001 })).toBe(
      'AUC lost 0.0200, recovered +0.0050 (25.0 % of the loss); control gain +0.0010',
    );
  });

  it('takes the mean with its standard error', () => {
    const { mean, standardError } = meanWithError([1, 2, 3, 4]);
    expect(mean).toBe(2.5);
    // sample sd = sqrt(5/3); standard error = sd / 2
    expect(standardError).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12);
    expect(meanWithError([0.3])).toEqual({ mean: 0.3, standardError: 0 });
    expect(() => meanWithError([])).toThrow();
  });

  it('reports the mean recovery over the mean loss, not a mean of per-split shares', () => {
    // Shares per split would be 1000 % and 10 %; the mean recovery over the mean loss is 0.011 / 0.0505.
    const summary = formatSplitSummary([
      { seed: 1, loss: 0.001, recovered: 0.01, controlGain: 0.002 },
      { seed: 2, loss: 0.1, recovered: 0.012, controlGain: null },
    ]);
    expect(summary).toContain('mean over 2 splits (seeds 1, 2)');
    expect(summary).toContain('AUC lost 0.0505');
    expect(summary).toContain('recovered +0.0110');
    expect(summary).toContain(`(${((100 * 0.011) / 0.0505).toFixed(1)} % of the mean loss)`);
    expect(summary).toContain('control gain +0.0020 ± 0.0000 (1 of 2 splits)');
  });
});
