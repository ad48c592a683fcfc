import type { BinaryMask } from './mask';

/**
 * Chamfer (3-4) distance of every object pixel to the nearest background pixel, in pixels (approximate
 * Euclidean, within about 8 %). Background pixels are 0; pixels beyond the image edge count as background.
 */
export function distanceToBackground(mask: BinaryMask): Float32Array {
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
