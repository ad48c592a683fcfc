import type { BinaryMask } from './mask';

/** Larger than any chamfer distance an image can hold: an object pixel not reached yet. */
const UNREACHED = 1e9;

/**
 * Chamfer (3-4) distance of every object pixel to the nearest background pixel, in pixels (approximate
 * Euclidean, within about 8 %). Background pixels are 0; pixels beyond the image edge count as background.
 *
 * Two raster passes over the image, neighbours read inline (a closure with a bounds check per neighbour,
 * and separate passes to set up and to scale, took 10–20 ms on a 1017 × 896 karyogram). The chamfer sums
 * are whole numbers, kept exactly in an Int32Array; each pixel is scaled to pixels (÷ 3) as the second
 * pass finishes it.
 */
export function distanceToBackground(mask: BinaryMask): Float32Array {
  const { width, height, data } = mask;
  const chamfer = new Int32Array(width * height);
  const d = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const up = row - width;
    for (let x = 0; x < width; x++) {
      const i = row + x;
      if (data[i] === 0) continue;
      // West, north, north-west, north-east: already final for this pass. Beyond the edge is 0.
      let v = UNREACHED;
      const west = x > 0 ? (chamfer[i - 1] ?? 0) + 3 : 3;
      if (west < v) v = west;
      if (y > 0) {
        const north = (chamfer[up + x] ?? 0) + 3;
        if (north < v) v = north;
        const northWest = x > 0 ? (chamfer[up + x - 1] ?? 0) + 4 : 4;
        if (northWest < v) v = northWest;
        const northEast = x + 1 < width ? (chamfer[up + x + 1] ?? 0) + 4 : 4;
        if (northEast < v) v = northEast;
      } else if (3 < v) v = 3;
      chamfer[i] = v;
    }
  }
  for (let y = height - 1; y >= 0; y--) {
    const row = y * width;
    const down = row + width;
    for (let x = width - 1; x >= 0; x--) {
      const i = row + x;
      let v = chamfer[i] ?? 0;
      if (v === 0) continue;
      const east = x + 1 < width ? (chamfer[i + 1] ?? 0) + 3 : 3;
      if (east < v) v = east;
      if (y + 1 < height) {
        const south = (chamfer[down + x] ?? 0) + 3;
        if (south < v) v = south;
        const southEast = x + 1 < width ? (chamfer[down + x + 1] ?? 0) + 4 : 4;
        if (southEast < v) v = southEast;
        const southWest = x > 0 ? (chamfer[down + x - 1] ?? 0) + 4 : 4;
        if (southWest < v) v = southWest;
      } else if (3 < v) v = 3;
      chamfer[i] = v;
      d[i] = v / 3;
    }
  }
  return d;
}
