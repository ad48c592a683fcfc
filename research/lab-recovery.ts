/** AUC lost to another lab's look and won back by fine-tuning, for one split of the lab's cases. */
export interface SplitRecovery {
  readonly seed: number;
  /** AUC as imaged here minus AUC on the other lab's pictures of the same cases (shipped model). */
  readonly loss: number;
  /** AUC of the fine-tuned model minus the shipped model's, both on the other lab's held-back cases. */
  readonly recovered: number;
  /** What the same fine-tuning gains on our own pictures (`--control`), or null. */
  readonly controlGain: number | null;
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(4)}`;

/** Recovered share of the loss in %, or null when there was no loss to recover. */
export function recoveredShare(loss: number, recovered: number): number | null {
  return loss > 0 ? (100 * recovered) / loss : null;
}

export function formatRecovery(r: SplitRecovery): string {
  const share = recoveredShare(r.loss, r.recovered);
  const control = r.controlGain === null ? '' : `; control gain ${signed(r.controlGain)}`;
  return (
    `AUC lost ${r.loss.toFixed(4)}, recovered ${signed(r.recovered)} ` +
    `(${share === null ? 'n/a: nothing lost' : `${share.toFixed(1)} % of the loss`})${control}`
  );
}

/** Mean and its standard error (0 for a single value). */
export function meanWithError(values: readonly number[]): { mean: number; standardError: number } {
  if (values.length === 0) throw new Error('meanWithError needs at least one value');
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  if (values.length < 2) return { mean, standardError: 0 };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, standardError: Math.sqrt(variance / values.length) };
}

/**
 * The splits together. The recovered share is the mean recovery over the mean loss, not a mean of
 * per-split shares: a split that happens to lose almost nothing would otherwise give any share at all.
 */
export function formatSplitSummary(splits: readonly SplitRecovery[]): string {
  const loss = meanWithError(splits.map((s) => s.loss));
  const recovered = meanWithError(splits.map((s) => s.recovered));
  const share = recoveredShare(loss.mean, recovered.mean);
  const controls = splits.flatMap((s) => (s.controlGain === null ? [] : [s.controlGain]));
  const lines = [
    `mean over ${splits.length} splits (seeds ${splits.map((s) => s.seed).join(', ')}), ± standard error:`,
    `  AUC lost ${loss.mean.toFixed(4)} ± ${loss.standardError.toFixed(4)}`,
    `  recovered ${signed(recovered.mean)} ± ${recovered.standardError.toFixed(4)}` +
      ` (${share === null ? 'n/a: nothing lost on average' : `${share.toFixed(1)} % of the mean loss`})`,
  ];
  if (controls.length > 0) {
    const control = meanWithError(controls);
    lines.push(
      `  control gain ${signed(control.mean)} ± ${control.standardError.toFixed(4)} (${controls.length} of ${splits.length} splits)`,
    );
  }
  return lines.join('\n');
}
