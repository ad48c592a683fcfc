import { describe, expect, it } from 'vitest';
import type { HeadAttention } from '../../model/prediction';
import { meanRowEntropy, sharpestHead } from './sharpest-head';

const n = 4;
const uniform = (): Float32Array => new Float32Array(n * n).fill(1 / n);
function diagonal(weight: number): Float32Array {
  const m = new Float32Array(n * n);
  for (let e = 0; e < n; e++)
    for (let z = 0; z < n; z++) m[e * n + z] = e === z ? weight : (1 - weight) / (n - 1);
  return m;
}
const head = (oneToTwo: Float32Array, twoToOne = oneToTwo): HeadAttention => ({ oneToTwo, twoToOne });

describe('sharpestHead', () => {
  it('measures a uniform row as 1 and a one-hot row as 0', () => {
    expect(meanRowEntropy(uniform())).toBeCloseTo(1, 6);
    expect(meanRowEntropy(diagonal(1))).toBeCloseTo(0, 6);
  });

  it('opens on the head whose rows attend to the fewest regions, over both directions', () => {
    const attention = [
      [head(uniform()), head(diagonal(0.6))],
      [head(diagonal(0.9), uniform()), head(diagonal(0.8))],
    ];
    expect(sharpestHead(attention)).toEqual({ layer: 1, head: 1 });
    expect(sharpestHead([[head(uniform()), head(uniform())]])).toEqual({ layer: 0, head: 0 });
    expect(sharpestHead([])).toBeNull();
  });
});
