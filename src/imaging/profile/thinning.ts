import type { BinaryMask } from '../segment/mask';

/**
 * Zhang–Suen thinning: peels object pixels off in two alternating sub-passes until a one-pixel-wide,
 * 8-connected skeleton is left. Returns a new mask; pixels on the image border are treated as having
 * background outside.
 */
export function thinMask(mask: BinaryMask): BinaryMask {
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
