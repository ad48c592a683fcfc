import type { BinaryMask } from '../segment/mask';
import { inImagingStep } from '../step-marks';

/**
 * Zhang–Suen thinning: peels object pixels off in two alternating sub-passes until a one-pixel-wide,
 * 8-connected skeleton is left. Returns a new mask; pixels on the image border are treated as having
 * background outside.
 *
 * Each sub-pass decides on the grid as it was when the sub-pass began and clears its pixels after, so
 * visiting only the pixels still set (kept in raster order) peels exactly what a scan of the whole grid
 * does, without revisiting the background a chromosome's crop is mostly made of.
 */
export function thinMask(mask: BinaryMask): BinaryMask {
  return inImagingStep('thinning', () => thinned(mask));
}

function thinned(mask: BinaryMask): BinaryMask {
  const { width, height } = mask;
  // Work on a copy padded by one pixel so that neighbour look-ups never leave the array.
  const w = width + 2;
  const grid = new Uint8Array(w * (height + 2));
  let live = new Int32Array(width * height);
  let count = 0;
  let zeroOne = true;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = mask.data[y * width + x] ?? 0;
      if (value === 0) continue;
      const i = (y + 1) * w + x + 1;
      grid[i] = value;
      live[count++] = i;
      if (value !== 1) zeroOne = false;
    }
  }
  // A 0/1 grid (every mask made here) is decided by a table of the 256 neighbourhoods.
  const peel = zeroOne ? peelableByTable : peelable;
  const toClear = new Int32Array(count);
  let next = new Int32Array(count);
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      let cleared = 0;
      for (let k = 0; k < count; k++) {
        const i = live[k] ?? 0;
        if (peel(grid, i, w, pass)) toClear[cleared++] = i;
      }
      if (cleared === 0) continue;
      changed = true;
      for (let k = 0; k < cleared; k++) grid[toClear[k] ?? 0] = 0;
      // Keep the pixels still set, in the same (raster) order.
      let kept = 0;
      for (let k = 0; k < count; k++) {
        const i = live[k] ?? 0;
        if (grid[i] !== 0) next[kept++] = i;
      }
      [live, next] = [next, live];
      count = kept;
    }
  }
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data[y * width + x] = grid[(y + 1) * w + x + 1] ?? 0;
  }
  return { width, height, data };
}

/**
 * PEELED[256 × pass + code]: 1 where sub-pass `pass` removes a pixel whose 0/1 neighbours p2 … p9 are the
 * bits 0 … 7 of `code`, as {@link peelable} decides it.
 */
const PEELED = ((): Uint8Array => {
  const table = new Uint8Array(512);
  const grid = new Uint8Array(9);
  // A 3 × 3 grid around index 4; p2 … p9 clockwise from north, as peelable reads them.
  const at = [1, 2, 5, 8, 7, 6, 3, 0];
  for (let pass = 0; pass < 2; pass++) {
    for (let code = 0; code < 256; code++) {
      at.forEach((cell, bit) => {
        grid[cell] = (code >> bit) & 1;
      });
      grid[4] = 1;
      table[256 * pass + code] = peelable(grid, 4, 3, pass) ? 1 : 0;
    }
  }
  return table;
})();

/** {@link peelable} for a 0/1 grid, by table: the neighbourhood read once as an 8-bit code. */
function peelableByTable(grid: Uint8Array, i: number, w: number, pass: number): boolean {
  const code =
    (grid[i - w] ?? 0) |
    ((grid[i - w + 1] ?? 0) << 1) |
    ((grid[i + 1] ?? 0) << 2) |
    ((grid[i + w + 1] ?? 0) << 3) |
    ((grid[i + w] ?? 0) << 4) |
    ((grid[i + w - 1] ?? 0) << 5) |
    ((grid[i - 1] ?? 0) << 6) |
    ((grid[i - w - 1] ?? 0) << 7);
  return PEELED[256 * pass + code] === 1;
}

/** Whether sub-pass `pass` of Zhang–Suen removes the set pixel `i` of the padded grid (`w` wide). */
function peelable(grid: Uint8Array, i: number, w: number, pass: number): boolean {
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
  if (neighbours < 2 || neighbours > 6) return false;
  // 0 → 1 transitions around the ring p2, p3, …, p9, p2.
  const transitions =
    (p2 === 0 && p3 === 1 ? 1 : 0) +
    (p3 === 0 && p4 === 1 ? 1 : 0) +
    (p4 === 0 && p5 === 1 ? 1 : 0) +
    (p5 === 0 && p6 === 1 ? 1 : 0) +
    (p6 === 0 && p7 === 1 ? 1 : 0) +
    (p7 === 0 && p8 === 1 ? 1 : 0) +
    (p8 === 0 && p9 === 1 ? 1 : 0) +
    (p9 === 0 && p2 === 1 ? 1 : 0);
  if (transitions !== 1) return false;
  return pass === 0 ? p2 * p4 * p6 === 0 && p4 * p6 * p8 === 0 : p2 * p4 * p8 === 0 && p2 * p6 * p8 === 0;
}
