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

/** Path from `start` to `end` by following `previous` back from `end`, as pixel-centre points. */
function tracePath(previous: Int32Array, end: number, width: number): Point[] {
  const path: Point[] = [];
  for (let i = end; i !== -1; i = previous[i] ?? -1) path.push({ x: i % width, y: Math.floor(i / width) });
  return path.reverse();
}

/** Skeleton pixels with exactly one 8-neighbour on the skeleton (the tips of its branches). */
function endpointsOf(skeleton: BinaryMask, pixels: readonly number[]): number[] {
  const { width, height, data } = skeleton;
  return pixels.filter((i) => {
    const x = i % width;
    const y = (i - x) / width;
    let neighbours = 0;
    for (const [dx, dy] of STEPS) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx >= 0 && ny >= 0 && nx < width && ny < height && data[ny * width + nx] !== 0) neighbours++;
    }
    return neighbours === 1;
  });
}

/** Most branch tips whose pairwise paths are tried; a chromosome's skeleton has far fewer. */
const MAX_ENDPOINTS = 12;

/**
 * Candidate centre lines of a one-pixel skeleton: within its largest piece (the longest geodesic
 * diameter; a broken chromosome has two pieces), the path between every pair of branch tips, the
 * diameter first. The diameter alone is not enough: on a short, wide chromosome a side branch (a
 * chromatid tip, a speck of debris merged with the outline) can be longer than the stub of the main
 * branch, and only after extending each path to the chromosome's tips does the true axis come out longest.
 */
export function skeletonPathCandidates(skeleton: BinaryMask): Point[][] {
  const { width, data } = skeleton;
  const seen = new Uint8Array(data.length);
  let best: { length: number; a: number; b: number; previous: Int32Array; pixels: number[] } | null = null;
  for (let s = 0; s < data.length; s++) {
    if (data[s] === 0 || seen[s] !== 0) continue;
    const fromSeed = distancesFrom(skeleton, s);
    const pixels: number[] = [];
    for (let i = 0; i < data.length; i++) {
      if ((fromSeed.distance[i] ?? Infinity) === Infinity) continue;
      seen[i] = 1;
      pixels.push(i);
    }
    const a = farthest(fromSeed.distance);
    const fromA = distancesFrom(skeleton, a);
    const b = farthest(fromA.distance);
    const length = fromA.distance[b] ?? 0;
    if (best === null || length > best.length) best = { length, a, b, previous: fromA.previous, pixels };
  }
  if (best === null) return [];
  const candidates = [tracePath(best.previous, best.b, width)];
  const { a, b } = best;
  const tips = endpointsOf(skeleton, best.pixels).filter((i) => i !== a && i !== b);
  const ends = [a, b, ...tips].slice(0, MAX_ENDPOINTS);
  for (let i = 0; i < ends.length; i++) {
    const from = ends[i] ?? a;
    const { distance, previous } = distancesFrom(skeleton, from);
    for (let j = i + 1; j < ends.length; j++) {
      const to = ends[j] ?? b;
      if ((from === a && to === b) || (distance[to] ?? Infinity) === Infinity) continue;
      candidates.push(tracePath(previous, to, width));
    }
  }
  return candidates;
}

/**
 * The longest path through the largest piece of a one-pixel skeleton (its geodesic diameter, found by
 * two farthest-point searches), as pixel-centre points. Side branches (spurs) fall away.
 */
export function longestSkeletonPath(skeleton: BinaryMask): Point[] {
  return skeletonPathCandidates(skeleton)[0] ?? [];
}
