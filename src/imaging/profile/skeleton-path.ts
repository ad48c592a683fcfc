import type { BinaryMask } from '../segment/mask';
import type { Point } from './medial-axis';
import { inImagingStep } from '../step-marks';

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

/**
 * A skeleton as a graph: its pixels in raster order (node i is pixel `pixels[i]`) and each one's
 * skeleton neighbours in STEPS order (`neighbours[8 i + k]`, −1 where step k leaves the skeleton).
 * Searches then visit the skeleton's hundred-odd pixels, not the thousands of its crop.
 */
interface SkeletonGraph {
  readonly pixels: Int32Array;
  readonly neighbours: Int32Array;
}

function skeletonGraph(skeleton: BinaryMask): SkeletonGraph {
  const { width, height, data } = skeleton;
  const nodeOf = new Int32Array(data.length).fill(-1);
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) nodeOf[i] = count++;
  const pixels = new Int32Array(count);
  const neighbours = new Int32Array(8 * count).fill(-1);
  for (let i = 0; i < data.length; i++) {
    const node = nodeOf[i] ?? -1;
    if (node < 0) continue;
    pixels[node] = i;
    const x = i % width;
    const y = (i - x) / width;
    STEPS.forEach(([dx, dy], k) => {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) return;
      neighbours[8 * node + k] = nodeOf[ny * width + nx] ?? -1;
    });
  }
  return { pixels, neighbours };
}

/** Cost of each of the eight steps, in STEPS order. */
const STEP_COSTS = STEPS.map(([, , cost]) => cost);

/**
 * Geodesic distances over skeleton pixels from one node (Dijkstra on the 8-neighbour graph), and each
 * node's previous node on its path (−1 for the start and the nodes not reached).
 */
function distancesFrom(
  graph: SkeletonGraph,
  start: number,
): { distance: Float64Array; previous: Int32Array } {
  const count = graph.pixels.length;
  const distance = new Float64Array(count).fill(Infinity);
  const previous = new Int32Array(count).fill(-1);
  distance[start] = 0;
  // Skeletons are thin trees, so a first-in first-out queue re-relaxing nodes is fast enough.
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head] ?? start;
    const di = distance[i] ?? 0;
    for (let k = 0; k < 8; k++) {
      const j = graph.neighbours[8 * i + k] ?? -1;
      if (j < 0) continue;
      const through = di + (STEP_COSTS[k] ?? 0);
      if (through >= (distance[j] ?? Infinity)) continue;
      distance[j] = through;
      previous[j] = i;
      queue.push(j);
    }
  }
  return { distance, previous };
}

/** The node farthest from the search's start (the first in raster order among equals). */
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

/** Path from the search's start to node `end` by following `previous` back, as pixel-centre points. */
function tracePath(graph: SkeletonGraph, previous: Int32Array, end: number, width: number): Point[] {
  const path: Point[] = [];
  for (let node = end; node !== -1; node = previous[node] ?? -1) {
    const i = graph.pixels[node] ?? 0;
    path.push({ x: i % width, y: Math.floor(i / width) });
  }
  return path.reverse();
}

/** Nodes with exactly one 8-neighbour on the skeleton (the tips of its branches). */
function endpointsOf(graph: SkeletonGraph, nodes: readonly number[]): number[] {
  return nodes.filter((node) => {
    let neighbours = 0;
    for (let k = 0; k < 8; k++) if ((graph.neighbours[8 * node + k] ?? -1) >= 0) neighbours++;
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
  return inImagingStep('skeleton paths', () => pathCandidates(skeleton));
}

function pathCandidates(skeleton: BinaryMask): Point[][] {
  const { width } = skeleton;
  const graph = skeletonGraph(skeleton);
  const count = graph.pixels.length;
  const seen = new Uint8Array(count);
  let best: { length: number; a: number; b: number; previous: Int32Array; nodes: number[] } | null = null;
  for (let s = 0; s < count; s++) {
    if (seen[s] !== 0) continue;
    const fromSeed = distancesFrom(graph, s);
    const nodes: number[] = [];
    for (let i = 0; i < count; i++) {
      if ((fromSeed.distance[i] ?? Infinity) === Infinity) continue;
      seen[i] = 1;
      nodes.push(i);
    }
    const a = farthest(fromSeed.distance);
    const fromA = distancesFrom(graph, a);
    const b = farthest(fromA.distance);
    const length = fromA.distance[b] ?? 0;
    if (best === null || length > best.length) best = { length, a, b, previous: fromA.previous, nodes };
  }
  if (best === null) return [];
  const candidates = [tracePath(graph, best.previous, best.b, width)];
  const { a, b } = best;
  const tips = endpointsOf(graph, best.nodes).filter((i) => i !== a && i !== b);
  const ends = [a, b, ...tips].slice(0, MAX_ENDPOINTS);
  for (let i = 0; i < ends.length; i++) {
    const from = ends[i] ?? a;
    const { distance, previous } = distancesFrom(graph, from);
    for (let j = i + 1; j < ends.length; j++) {
      const to = ends[j] ?? b;
      if ((from === a && to === b) || (distance[to] ?? Infinity) === Infinity) continue;
      candidates.push(tracePath(graph, previous, to, width));
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
