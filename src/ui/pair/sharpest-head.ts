import type { HeadAttention } from '../../model/prediction';

/** A layer and head of the alignment, 0-based. */
export interface HeadChoice {
  readonly layer: number;
  readonly head: number;
}

/** Mean entropy of a row-stochastic n × n matrix's rows, as a share of a uniform row's (log n): 0–1. */
export function meanRowEntropy(matrix: Float32Array): number {
  const n = Math.round(Math.sqrt(matrix.length));
  if (n < 2) return 1;
  let total = 0;
  for (let e = 0; e < n; e++) {
    let entropy = 0;
    for (let z = 0; z < n; z++) {
      const p = matrix[e * n + z] ?? 0;
      if (p > 0) entropy -= p * Math.log(p);
    }
    total += entropy;
  }
  return total / n / Math.log(n);
}

/**
 * The layer and head whose attention carries the most structure for a pair: the lowest mean row
 * entropy over both directions, i.e. where each region of one homolog attends to few regions of the
 * other (a sharp alignment, the diagonal the teaching guide describes) rather than to all alike, as a
 * head that learnt little does. Ties go to the earlier layer and head; null without attention.
 */
export function sharpestHead(attention: readonly (readonly HeadAttention[])[]): HeadChoice | null {
  let best: HeadChoice | null = null;
  let bestEntropy = Number.POSITIVE_INFINITY;
  for (const [layer, heads] of attention.entries())
    for (const [head, h] of heads.entries()) {
      const entropy = (meanRowEntropy(h.oneToTwo) + meanRowEntropy(h.twoToOne)) / 2;
      if (entropy < bestEntropy - 1e-9) {
        best = { layer, head };
        bestEntropy = entropy;
      }
    }
  return best;
}
