import type { GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH, PROFILE_ROWS, type ChromosomeProfile } from '../../shared/profile';
import { resamplePolyline, type Point } from '../profile/medial-axis';
import type { ChromosomeRaster } from '../profile/straighten';
import { labelComponents, type Labelling } from '../segment/components';
import type { BinaryMask, PixelBox } from '../segment/mask';
import type { HysteresisThresholds } from '../segment/threshold';

/**
 * The imaging code as it was before issue #25's speed work (commit bba91f9), kept verbatim so that
 * tests can check the faster code gives the very same outputs, bit for bit: the distance transform,
 * the hysteresis threshold, a component's mask, hole filling, thinning, the skeleton's candidate paths
 * and the straightening.
 */

// segment/distance.ts

/**
 * Chamfer (3-4) distance of every object pixel to the nearest background pixel, in pixels (approximate
 * Euclidean, within about 8 %). Background pixels are 0; pixels beyond the image edge count as background.
 */
export function formerDistanceToBackground(mask: BinaryMask): Float32Array {
  const { width, height, data } = mask;
  const big = 1e9;
  const d = new Float32Array(width * height);
  for (let i = 0; i < d.length; i++) d[i] = data[i] !== 0 ? big : 0;
  const at = (x: number, y: number): number =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (d[y * width + x] ?? 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = d[i] ?? 0;
      if (v === 0) continue;
      d[i] = Math.min(v, at(x - 1, y) + 3, at(x, y - 1) + 3, at(x - 1, y - 1) + 4, at(x + 1, y - 1) + 4);
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    for (let x = width - 1; x >= 0; x--) {
      const i = y * width + x;
      const v = d[i] ?? 0;
      if (v === 0) continue;
      d[i] = Math.min(v, at(x + 1, y) + 3, at(x, y + 1) + 3, at(x + 1, y + 1) + 4, at(x - 1, y + 1) + 4);
    }
  }
  for (let i = 0; i < d.length; i++) d[i] = (d[i] ?? 0) / 3;
  return d;
}

// segment/threshold.ts

/**
 * Hysteresis threshold of a darkness image: keeps the 8-connected regions of pixels ≥ `weak` that
 * contain at least one pixel ≥ `strong`.
 */
export function formerHysteresisThreshold(
  darkness: Float32Array,
  width: number,
  height: number,
  thresholds: HysteresisThresholds,
): BinaryMask {
  const weakMask = new Uint8Array(width * height);
  for (let i = 0; i < weakMask.length; i++) weakMask[i] = (darkness[i] ?? 0) >= thresholds.weak ? 1 : 0;
  const labelling = labelComponents({ width, height, data: weakMask });
  const keep = new Uint8Array(labelling.components.length + 1);
  const { labels } = labelling;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l !== 0 && (darkness[i] ?? 0) >= thresholds.strong) keep[l] = 1;
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < labels.length; i++) data[i] = keep[labels[i] ?? 0] ?? 0;
  return { width, height, data };
}

// segment/mask-tools.ts

/** Fills holes: background pixels not connected (4-connected) to the border become object pixels. */
export function formerFillHoles(mask: BinaryMask): BinaryMask {
  const { width, height, data } = mask;
  const outside = new Uint8Array(width * height);
  const stack: number[] = [];
  const seed = (x: number, y: number): void => {
    const i = y * width + x;
    if (data[i] === 0 && outside[i] === 0) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x, 0);
    seed(x, height - 1);
  }
  for (let y = 0; y < height; y++) {
    seed(0, y);
    seed(width - 1, y);
  }
  while (stack.length > 0) {
    const i = stack.pop() ?? 0;
    const x = i % width;
    const y = (i - x) / width;
    if (x > 0) seed(x - 1, y);
    if (x + 1 < width) seed(x + 1, y);
    if (y > 0) seed(x, y - 1);
    if (y + 1 < height) seed(x, y + 1);
  }
  const filled = new Uint8Array(width * height);
  for (let i = 0; i < filled.length; i++) filled[i] = outside[i] === 0 ? 1 : 0;
  return { width, height, data: filled };
}

// profile/thinning.ts

/**
 * Zhang–Suen thinning: peels object pixels off in two alternating sub-passes until a one-pixel-wide,
 * 8-connected skeleton is left. Returns a new mask; pixels on the image border are treated as having
 * background outside.
 */
export function formerThinMask(mask: BinaryMask): BinaryMask {
  const { width, height } = mask;
  // Work on a copy padded by one pixel so that neighbour look-ups never leave the array.
  const w = width + 2;
  const h = height + 2;
  const grid = new Uint8Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) grid[(y + 1) * w + x + 1] = mask.data[y * width + x] ?? 0;
  }
  const toClear: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      toClear.length = 0;
      for (let y = 1; y < h - 1; y++) {
        for (let x = 1; x < w - 1; x++) {
          const i = y * w + x;
          if (grid[i] === 0) continue;
          // Neighbours clockwise from north: p2 … p9.
          const p2 = grid[i - w] ?? 0;
          const p3 = grid[i - w + 1] ?? 0;
          const p4 = grid[i + 1] ?? 0;
          const p5 = grid[i + w + 1] ?? 0;
          const p6 = grid[i + w] ?? 0;
          const p7 = grid[i + w - 1] ?? 0;
          const p8 = grid[i - 1] ?? 0;
          const p9 = grid[i - w - 1] ?? 0;
          const neighbours = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
          if (neighbours < 2 || neighbours > 6) continue;
          const ring = [p2, p3, p4, p5, p6, p7, p8, p9, p2];
          let transitions = 0;
          for (let k = 0; k < 8; k++) if (ring[k] === 0 && ring[k + 1] === 1) transitions++;
          if (transitions !== 1) continue;
          if (
            pass === 0 ? p2 * p4 * p6 !== 0 || p4 * p6 * p8 !== 0 : p2 * p4 * p8 !== 0 || p2 * p6 * p8 !== 0
          ) {
            continue;
          }
          toClear.push(i);
        }
      }
      for (const i of toClear) grid[i] = 0;
      if (toClear.length > 0) changed = true;
    }
  }
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = grid[(y + 1) * w + x + 1] ?? 0;
  }
  return { width, height, data };
}

// profile/skeleton-path.ts

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
export function formerSkeletonPathCandidates(skeleton: BinaryMask): Point[][] {
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

// profile/straighten.ts

/** Bilinear sample of a per-pixel array; positions outside the raster read `outside`. */
function bilinear(
  values: ArrayLike<number>,
  width: number,
  height: number,
  x: number,
  y: number,
  outside: number,
): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
    // Fast path, fully inside: no bounds checks per corner.
    const i = y0 * width + x0;
    const top = (values[i] ?? 0) * (1 - fx) + (values[i + 1] ?? 0) * fx;
    const bottom = (values[i + width] ?? 0) * (1 - fx) + (values[i + width + 1] ?? 0) * fx;
    return top * (1 - fy) + bottom * fy;
  }
  let sum = 0;
  for (let k = 0; k < 4; k++) {
    const xi = x0 + (k & 1);
    const yi = y0 + (k >> 1);
    const w = ((k & 1) === 1 ? fx : 1 - fx) * (k >> 1 === 1 ? fy : 1 - fy);
    const v =
      xi < 0 || yi < 0 || xi >= width || yi >= height ? outside : (values[yi * width + xi] ?? outside);
    sum += w * v;
  }
  return sum;
}

/** A point on the axis with the unit normal pointing to the chromosome's left (image left, p-arm up). */
interface AxisFrame {
  readonly x: number;
  readonly y: number;
  readonly nx: number;
  readonly ny: number;
  /** How far from the axis this chromosome's pixels are sampled, pixels. */
  readonly halfWidth: number;
}

/**
 * Axis points every `step` pixels with their left normals (tangent from points ±2 px apart) and the
 * local half-width: the largest inscribed radius within ±`window` px along the axis, so one pale or
 * pinched spot does not narrow the sampled strip, plus room for the pale rim the threshold cut off.
 */
function axisFrames(
  raster: ChromosomeRaster,
  axis: readonly Point[],
  step: number,
  window: number,
): AxisFrame[] {
  const { width, height } = raster.gray;
  const centres = resamplePolyline(axis, step);
  const reach = Math.max(1, Math.round(2 / step));
  const radii = centres.map((c) => bilinear(raster.distance, width, height, c.x, c.y, 0));
  const span = Math.max(1, Math.round(window / step));
  return centres.map((c, i) => {
    const a = centres[Math.max(0, i - reach)] ?? c;
    const b = centres[Math.min(centres.length - 1, i + reach)] ?? c;
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    let radius = 0;
    for (let k = Math.max(0, i - span); k <= Math.min(centres.length - 1, i + span); k++) {
      radius = Math.max(radius, radii[k] ?? 0);
    }
    // Left of the direction of travel in image coordinates (x right, y down): (−ty, tx).
    return {
      x: c.x,
      y: c.y,
      nx: -(b.y - a.y) / length,
      ny: (b.x - a.x) / length,
      halfWidth: Math.max(1, 1.2 * radius + 1.5),
    };
  });
}

/**
 * Straightens a chromosome. Profiles: at every `step` pixels of the axis, the line perpendicular to it
 * is sampled every half pixel (bilinear); only pixels of this chromosome within its local half-width
 * count, so the inner side of a bend and a touching neighbour do not leak in. The left half (image left
 * when the p-arm is up) gives profile row 0, the right half row 1: the mean darkness of its pixels.
 * Image: the same resampling on a 1-pixel grid (rows 1 px of axis apart, p-ter at row 0), for review.
 *
 * @param axis medial axis in raster pixels, p-ter first
 * @param step pixels of axis per profile sample (1 / samples per pixel of the cell's common scale)
 * @param halfWidth how far the image reaches on each side of the axis, pixels
 */
export function formerStraightenChromosome(
  raster: ChromosomeRaster,
  axis: readonly Point[],
  step: number,
  halfWidth: number,
): { image: GrayImage; profile: ChromosomeProfile; samples: number; truncated: boolean } {
  const { gray, darkness, mask } = raster;
  const { width, height } = gray;
  const frames = axisFrames(raster, axis, step, halfWidth);
  const samples = frames.length;
  const profile = new Float32Array(PROFILE_ROWS * PROFILE_LENGTH);
  const across = 0.5;
  for (let i = 0; i < Math.min(samples, PROFILE_LENGTH); i++) {
    const f = frames[i];
    if (f === undefined) continue;
    const localHalf = f.halfWidth;
    let leftSum = 0;
    let leftWeight = 0;
    let rightSum = 0;
    let rightWeight = 0;
    for (let offset = across; offset <= localHalf; offset += across) {
      for (const sign of [1, -1]) {
        const x = f.x + sign * offset * f.nx;
        const y = f.y + sign * offset * f.ny;
        const weight = bilinear(mask.data, width, height, x, y, 0);
        if (weight < 0.5) continue;
        const d = bilinear(darkness, width, height, x, y, 0) * weight;
        if (sign > 0) {
          leftSum += d;
          leftWeight += weight;
        } else {
          rightSum += d;
          rightWeight += weight;
        }
      }
    }
    profile[i] = leftWeight > 0 ? leftSum / leftWeight : 0;
    profile[PROFILE_LENGTH + i] = rightWeight > 0 ? rightSum / rightWeight : 0;
  }
  return {
    image: straightenedImage(raster, axis, halfWidth),
    profile,
    samples: Math.min(samples, PROFILE_LENGTH),
    truncated: samples > PROFILE_LENGTH,
  };
}

/** The straightened gray image on a 1-pixel grid; pixels outside the chromosome show background. */
function straightenedImage(raster: ChromosomeRaster, axis: readonly Point[], halfWidth: number): GrayImage {
  const { gray, mask } = raster;
  const { width, height } = gray;
  const frames = axisFrames(raster, axis, 1, halfWidth);
  const side = Math.max(1, Math.ceil(halfWidth));
  const columns = 2 * side + 1;
  const pixels = new Uint8Array(columns * frames.length).fill(raster.backgroundGray);
  frames.forEach((f, row) => {
    const localHalf = f.halfWidth;
    for (let k = 0; k < columns; k++) {
      const offset = side - k; // positive = left side, drawn on the left
      if (Math.abs(offset) > localHalf) continue;
      const x = f.x + offset * f.nx;
      const y = f.y + offset * f.ny;
      if (bilinear(mask.data, width, height, x, y, 0) < 0.5) continue;
      pixels[row * columns + k] = Math.round(
        bilinear(gray.pixels, width, height, x, y, raster.backgroundGray),
      );
    }
  });
  return { width: columns, height: frames.length, pixels };
}

// segment/components.ts
/** Mask of the pixels whose label is in `keep`, cut to `box` (pixels of the result are box-relative). */
export function formerComponentMask(
  labelling: Labelling,
  keep: ReadonlySet<number>,
  box: PixelBox,
): BinaryMask {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const src = (box.y0 + y) * labelling.width + box.x0;
    for (let x = 0; x < width; x++) {
      if (keep.has(labelling.labels[src + x] ?? 0)) data[y * width + x] = 1;
    }
  }
  return { width, height, data };
}
