import type { BinaryMask } from '../segment/mask';

/**
 * The distance to the background scaled down where the stain is pale: each object pixel's distance times
 * its darkness (averaged over a square of `radius`) against the median darkness of the object pixels,
 * at most 1. Where two chromosomes touch, the contact is paler than either, so their neck shows in this
 * map even when the outline has none (a long side-by-side contact).
 *
 * @param darkness darkness per pixel in [0, 1], row-major like the mask
 */
export function stainWeightedDistance(
  mask: BinaryMask,
  distance: Float32Array,
  darkness: Float32Array,
  radius: number,
): Float32Array {
  const { width, height, data } = mask;
  const r = Math.max(0, Math.round(radius));
  // Box mean of the darkness over object pixels only (background does not pale a chromosome's edge).
  const rows = new Float32Array(width * height);
  const rowCounts = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    let sum = 0;
    let count = 0;
    const row = y * width;
    for (let x = -r; x < width + r; x++) {
      const enter = x + r;
      if (enter < width && data[row + enter] !== 0) {
        sum += darkness[row + enter] ?? 0;
        count++;
      }
      const leave = x - r - 1;
      if (leave >= 0 && data[row + leave] !== 0) {
        sum -= darkness[row + leave] ?? 0;
        count--;
      }
      if (x >= 0 && x < width) {
        rows[row + x] = sum;
        rowCounts[row + x] = count;
      }
    }
  }
  const mean = new Float32Array(width * height);
  for (let x = 0; x < width; x++) {
    let sum = 0;
    let count = 0;
    for (let y = -r; y < height + r; y++) {
      const enter = y + r;
      if (enter < height) {
        sum += rows[enter * width + x] ?? 0;
        count += rowCounts[enter * width + x] ?? 0;
      }
      const leave = y - r - 1;
      if (leave >= 0) {
        sum -= rows[leave * width + x] ?? 0;
        count -= rowCounts[leave * width + x] ?? 0;
      }
      if (y >= 0 && y < height) mean[y * width + x] = count > 0 ? sum / count : 0;
    }
  }
  const bins = new Uint32Array(101);
  let total = 0;
  for (let i = 0; i < data.length; i++)
    if (data[i] !== 0) {
      const bin = Math.min(100, Math.max(0, Math.round(100 * (darkness[i] ?? 0))));
      bins[bin] = (bins[bin] ?? 0) + 1;
      total++;
    }
  let typical = 1;
  let cumulative = 0;
  for (let b = 0; b <= 100; b++) {
    cumulative += bins[b] ?? 0;
    if (cumulative >= total / 2) {
      typical = Math.max(0.01, b / 100);
      break;
    }
  }
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++)
    if (data[i] !== 0) out[i] = (distance[i] ?? 0) * Math.min(1, (mean[i] ?? 0) / typical);
  return out;
}
