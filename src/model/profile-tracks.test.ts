import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../shared/random';
import { dynamicTimeWarping, warpingStepsBothWays } from './profile-tracks';

/** Dynamic time warping as first written (before issue #25 made it one typed-array pass): the reference. */
function referenceWarping(a: Float32Array, b: Float32Array): { total: number; steps: number[] } {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const cumulative = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
  cumulative[0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0));
      const best = Math.min(
        cumulative[(i - 1) * width + j] ?? Infinity,
        cumulative[i * width + j - 1] ?? Infinity,
        cumulative[(i - 1) * width + j - 1] ?? Infinity,
      );
      cumulative[i * width + j] = cost + best;
    }
  }
  const steps: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    steps.push(Math.abs((a[i - 1] ?? 0) - (b[j - 1] ?? 0)));
    const diagonal = cumulative[(i - 1) * width + j - 1] ?? Infinity;
    const up = cumulative[(i - 1) * width + j] ?? Infinity;
    const left = cumulative[i * width + j - 1] ?? Infinity;
    if (diagonal <= up && diagonal <= left) {
      i--;
      j--;
    } else if (up <= left) i--;
    else j--;
  }
  steps.reverse();
  return { total: cumulative[n * width + m] ?? 0, steps };
}

/** A track of `n` values on a coarse grid of `levels`, so that many paths tie in cost. */
const coarseTrack = (random: Random, n: number, levels: number): Float32Array =>
  Float32Array.from({ length: n }, () => random.int(0, levels) / levels);

describe('dynamic time warping', () => {
  it('gives exactly the reference total and steps, ties included, in both orders from one matrix', () => {
    const random = createRandom(25);
    for (let trial = 0; trial < 60; trial++) {
      const a = coarseTrack(random, random.int(1, 40), trial % 2 === 0 ? 2 : 50);
      const b = coarseTrack(random, random.int(1, 40), trial % 3 === 0 ? 1 : 7);
      const both = warpingStepsBothWays(a, b);
      expect(dynamicTimeWarping(a, b)).toEqual(referenceWarping(a, b));
      expect(both.aThenB).toEqual(referenceWarping(a, b).steps);
      expect(both.bThenA).toEqual(referenceWarping(b, a).steps);
    }
  });

  it('walks the two orders differently where costs tie (which is why the measure averages both)', () => {
    const a = Float32Array.from([0, 0.5, 0.5, 1, 0]);
    const b = Float32Array.from([1, 0, 1]);
    const both = warpingStepsBothWays(a, b);
    expect(both.aThenB).toEqual(referenceWarping(a, b).steps);
    expect(both.bThenA).toEqual(referenceWarping(b, a).steps);
    expect(both.aThenB).toEqual([1, 0.5, 0.5, 0, 1]);
    expect(both.bThenA).toEqual([1, 0.5, 0.5, 0, 0, 1]);
  });
});
