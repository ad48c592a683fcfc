import { describe, expect, it } from 'vitest';
import { minCostAssignment } from './min-cost-assignment';
import { createRandom } from './random';

/** The least total cost over every way to give each row its own column, by trying them all. */
function bruteForce(cost: Float64Array, rows: number, columns: number): number {
  let best = Infinity;
  const used = new Array<boolean>(columns).fill(false);
  const visit = (row: number, total: number): void => {
    if (row === rows) {
      best = Math.min(best, total);
      return;
    }
    for (let c = 0; c < columns; c++) {
      if (used[c]) continue;
      used[c] = true;
      visit(row + 1, total + (cost[row * columns + c] ?? 0));
      used[c] = false;
    }
  };
  visit(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('finds the least total cost, each row in its own column, on random matrices', () => {
    const random = createRandom(3);
    for (let trial = 0; trial < 200; trial++) {
      const rows = random.int(1, 6);
      const columns = random.int(rows, 7);
      const cost = Float64Array.from({ length: rows * columns }, () => Math.round(random.uniform(0, 20)));
      const chosen = minCostAssignment(cost, rows, columns);
      expect(new Set(chosen).size).toBe(rows);
      const total = Array.from(chosen).reduce((sum, c, row) => sum + (cost[row * columns + c] ?? 0), 0);
      expect(total).toBe(bruteForce(cost, rows, columns));
    }
  });

  it('refuses more rows than columns and a matrix of the wrong size', () => {
    expect(() => minCostAssignment(new Float64Array(6), 3, 2)).toThrow(/3 rows/);
    expect(() => minCostAssignment(new Float64Array(5), 2, 3)).toThrow(/wrong size/);
  });
});
