import type { BinaryMask } from '../segment/mask';
import type { Point } from './medial-axis';

const STEPS: readonly [number, number, number][] = [
  [-1, -1, Math.SQRT2],
  [0, -1, 1],
  [1, -1, Math.SQRT2],
  [-1, 0, 1],
  [1, 0, 1],
  [-1, 1, Math.SQRT2],
  [0, 1, 1],
  [1, 1, Math.SQRT2],
];

/** Geodesic distances over skeleton pixels from one pixel (Dijkstra on the 8-neighbour graph). */
function distancesFrom(
  skeleton: BinaryMask,
  start: number,
): { distance: Float64Array; previous: Int32Array } {
  const { width, height, data } = skeleton;
  const distance = new Float64Array(width * height).fill(Infinity);
  const previous = new Int32Array(width * height).fill(-1);
  distance[start] = 0;
  // Skeletons are thin trees, so a simple array-backed queue re-relaxing nodes is fast enough.
  const queue = [start];
  while (queue.length > 0) {
    const i = queue.shift() ?? start;
    const x = i % width;
    const y = (i - x) / width;
    const di = distance[i] ?? 0;
    for (const [dx, dy, cost] of STEPS) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (data[j] === 0 || di + cost >= (distance[j] ?? Infinity)) continue;
      distance[j] = di + cost;
      previous[j] = i;
      queue.push(j);
    }
  }
  return { distance, previous };
}

function farthest(distance: Float64Array): number {
  let best = -1;
  let bestDistance = -1;
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] ?? Infinity;
    if (d !== Infinity && d > bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

/**
 * The longest path through the largest piece of a one-pixel skeleton (its geodesic diameter, found by
 * two farthest-point searches), as pixel-centre points. Side branches (spurs) fall away.
 */
export function longestSkeletonPath(skeleton: BinaryMask): Point[] {
  const { width, data } = skeleton;
  // Start from every skeleton piece and keep the longest diameter (a broken chromosome has two).
  const seen = new Uint8Array(data.length);
  let bestPath: Point[] = [];
  let bestLength = -1;
  for (let s = 0; s < data.length; s++) {
    if (data[s] === 0 || seen[s] !== 0) continue;
    const fromSeed = distancesFrom(skeleton, s);
    for (let i = 0; i < data.length; i++) if ((fromSeed.distance[i] ?? Infinity) !== Infinity) seen[i] = 1;
    const a = farthest(fromSeed.distance);
    const fromA = distancesFrom(skeleton, a);
    const b = farthest(fromA.distance);
    const length = fromA.distance[b] ?? 0;
    if (length <= bestLength) continue;
    bestLength = length;
    const path: Point[] = [];
    for (let i = b; i !== -1; i = fromA.previous[i] ?? -1)
      path.push({ x: i % width, y: Math.floor(i / width) });
    bestPath = path.reverse();
  }
  return bestPath;
}
