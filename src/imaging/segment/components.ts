import type { BinaryMask, PixelBox } from './mask';

/** One 8-connected component of a mask, with the statistics layout parsing needs. */
export interface Component {
  /** Label in the label image, 1-based (0 is background). */
  readonly label: number;
  /** Number of pixels. */
  readonly area: number;
  /** Bounding box, pixels. */
  readonly box: PixelBox;
  /** Centroid, pixels. */
  readonly centroidX: number;
  readonly centroidY: number;
}

/** Result of labelling: one label per pixel (0 = background) and the components, index = label − 1. */
export interface Labelling {
  readonly width: number;
  readonly height: number;
  readonly labels: Int32Array;
  readonly components: readonly Component[];
}

function find(parent: Int32Array, x: number): number {
  let root = x;
  while ((parent[root] ?? root) !== root) root = parent[root] ?? root;
  // Path compression keeps later look-ups near O(1).
  let node = x;
  while (node !== root) {
    const next = parent[node] ?? root;
    parent[node] = root;
    node = next;
  }
  return root;
}

function union(parent: Int32Array, a: number, b: number): number {
  const ra = find(parent, a);
  const rb = find(parent, b);
  if (ra === rb) return ra;
  const lo = Math.min(ra, rb);
  parent[Math.max(ra, rb)] = lo;
  return lo;
}

/**
 * Labels the 8-connected components of a mask (two passes with union–find). Components are numbered in
 * raster order of their first pixel.
 */
export function labelComponents(mask: BinaryMask): Labelling {
  const { width, height, data } = mask;
  const labels = new Int32Array(width * height);
  // Provisional labels can number at most about half the pixels; grow lazily.
  let parent = new Int32Array(1024);
  let next = 1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (data[i] === 0) continue;
      // Already-labelled 8-neighbours: west, north-west, north, north-east (no array: this is the hot loop).
      const west = x > 0 && data[i - 1] !== 0 ? (labels[i - 1] ?? 0) : 0;
      const up = i - width;
      const northWest = y > 0 && x > 0 && data[up - 1] !== 0 ? (labels[up - 1] ?? 0) : 0;
      const north = y > 0 && data[up] !== 0 ? (labels[up] ?? 0) : 0;
      const northEast = y > 0 && x + 1 < width && data[up + 1] !== 0 ? (labels[up + 1] ?? 0) : 0;
      let label = west || northWest || north || northEast;
      if (label === 0) {
        if (next >= parent.length) {
          const grown = new Int32Array(parent.length * 2);
          grown.set(parent);
          parent = grown;
        }
        parent[next] = next;
        label = next++;
      } else {
        if (west !== 0 && west !== label) label = union(parent, label, west);
        if (northWest !== 0 && northWest !== label) label = union(parent, label, northWest);
        if (north !== 0 && north !== label) label = union(parent, label, north);
        if (northEast !== 0 && northEast !== label) label = union(parent, label, northEast);
      }
      labels[i] = label;
    }
  }
  // Resolve to dense final labels in raster order.
  const finalOf = new Int32Array(next);
  let count = 0;
  for (let l = 1; l < next; l++) {
    const root = find(parent, l);
    if (root === l) finalOf[l] = ++count;
  }
  for (let l = 1; l < next; l++) finalOf[l] = finalOf[find(parent, l)] ?? 0;
  const area = new Float64Array(count + 1);
  const sumX = new Float64Array(count + 1);
  const sumY = new Float64Array(count + 1);
  const x0 = new Int32Array(count + 1).fill(width);
  const y0 = new Int32Array(count + 1).fill(height);
  const x1 = new Int32Array(count + 1);
  const y1 = new Int32Array(count + 1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const provisional = labels[row + x] ?? 0;
      if (provisional === 0) continue;
      const l = finalOf[provisional] ?? 0;
      labels[row + x] = l;
      area[l] = (area[l] ?? 0) + 1;
      sumX[l] = (sumX[l] ?? 0) + x;
      sumY[l] = (sumY[l] ?? 0) + y;
      if (x < (x0[l] ?? width)) x0[l] = x;
      if (y < (y0[l] ?? height)) y0[l] = y;
      if (x + 1 > (x1[l] ?? 0)) x1[l] = x + 1;
      if (y + 1 > (y1[l] ?? 0)) y1[l] = y + 1;
    }
  }
  const components: Component[] = [];
  for (let l = 1; l <= count; l++) {
    const a = area[l] ?? 0;
    components.push({
      label: l,
      area: a,
      box: { x0: x0[l] ?? 0, y0: y0[l] ?? 0, x1: x1[l] ?? 0, y1: y1[l] ?? 0 },
      centroidX: (sumX[l] ?? 0) / Math.max(1, a),
      centroidY: (sumY[l] ?? 0) / Math.max(1, a),
    });
  }
  return { width, height, labels, components };
}

/** Mask of the pixels whose label is in `keep`, cut to `box` (pixels of the result are box-relative). */
export function componentMask(labelling: Labelling, keep: ReadonlySet<number>, box: PixelBox): BinaryMask {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  // Most pieces are one component: a comparison per pixel, not a set look-up.
  const only = keep.size === 1 ? keep.values().next().value : undefined;
  for (let y = 0; y < height; y++) {
    const src = (box.y0 + y) * labelling.width + box.x0;
    for (let x = 0; x < width; x++) {
      const label = labelling.labels[src + x] ?? 0;
      if (only === undefined ? keep.has(label) : label === only) data[y * width + x] = 1;
    }
  }
  return { width, height, data };
}
