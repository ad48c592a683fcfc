/** Ridge pixels shallower than this (pixels) are specks and rims, not the middle of a chromosome. */
const MIN_RIDGE = 1.5;

/**
 * Typical half-width of a metaphase's chromosomes, pixels: the median distance to the background of the
 * ridge pixels (those no nearer the background than any 8-neighbour). Chromosomes hold nearly all the
 * ridge of a spread, so a nucleus or a few specks barely move the median; 0 when there is no ridge.
 *
 * @param distance distance of each object pixel to the background (distanceToBackground), row-major
 */
export function chromosomeHalfWidth(distance: Float32Array, width: number, height: number): number {
  const bins = new Uint32Array(1024);
  let count = 0;
  for (let y = 1; y + 1 < height; y++) {
    for (let x = 1; x + 1 < width; x++) {
      const i = y * width + x;
      const d = distance[i] ?? 0;
      if (d < MIN_RIDGE) continue;
      if (
        (distance[i - 1] ?? 0) > d ||
        (distance[i + 1] ?? 0) > d ||
        (distance[i - width] ?? 0) > d ||
        (distance[i + width] ?? 0) > d ||
        (distance[i - width - 1] ?? 0) > d ||
        (distance[i - width + 1] ?? 0) > d ||
        (distance[i + width - 1] ?? 0) > d ||
        (distance[i + width + 1] ?? 0) > d
      )
        continue;
      // Chamfer distances are thirds of a pixel: bins of a third keep them exact.
      const bin = Math.min(bins.length - 1, Math.round(3 * d));
      bins[bin] = (bins[bin] ?? 0) + 1;
      count++;
    }
  }
  let cumulative = 0;
  for (let b = 0; b < bins.length; b++) {
    cumulative += bins[b] ?? 0;
    if (count > 0 && cumulative >= count / 2) return b / 3;
  }
  return 0;
}
