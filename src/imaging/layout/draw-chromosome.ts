import type { GrayImage } from '../../shared/gray-image';
import type { Point } from '../segment/mask';

/** Darkness along a drawn chromosome, from p-ter (t = 0) to q-ter (t = 1), in [0, 1]. */
export type BandPattern = (t: number) => number;

/**
 * Paints a banded chromosome into `image` (in place): a tube of `width` pixels around the centre line
 * `path` (p-ter first), with rounded ends, gray = 255 − 255 × darkness(t) where t is the fraction of
 * length of the nearest centre-line point. Darker paint wins where shapes overlap. For synthetic test
 * crops and metaphases, not for analysis (test karyograms come from karyotype's painter).
 */
export function drawChromosome(
  image: GrayImage,
  path: readonly Point[],
  width: number,
  bands: BandPattern,
): void {
  const cumulative: number[] = [0];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    cumulative.push((cumulative[i - 1] ?? 0) + (a && b ? Math.hypot(b.x - a.x, b.y - a.y) : 0));
  }
  const total = Math.max(1e-6, cumulative[cumulative.length - 1] ?? 0);
  const radius = width / 2;
  const xs = path.map((p) => p.x);
  const ys = path.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - radius - 1));
  const x1 = Math.min(image.width - 1, Math.ceil(Math.max(...xs) + radius + 1));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - radius - 1));
  const y1 = Math.min(image.height - 1, Math.ceil(Math.max(...ys) + radius + 1));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      let best = Infinity;
      let bestT = 0;
      for (let i = 1; i < path.length; i++) {
        const a = path[i - 1];
        const b = path[i];
        if (a === undefined || b === undefined) continue;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const l2 = dx * dx + dy * dy || 1;
        const f = Math.min(1, Math.max(0, ((x - a.x) * dx + (y - a.y) * dy) / l2));
        const d = Math.hypot(x - a.x - f * dx, y - a.y - f * dy);
        if (d < best) {
          best = d;
          bestT = ((cumulative[i - 1] ?? 0) + f * Math.sqrt(l2)) / total;
        }
      }
      if (best > radius) continue;
      // Soft rim: chromatin thins towards the edge, as in real images.
      const rim = Math.min(1, (radius - best) / 1.5 + 0.3);
      const darkness = Math.min(1, Math.max(0, bands(bestT))) * rim;
      const value = Math.round(255 - 255 * darkness);
      const i = y * image.width + x;
      if (value < (image.pixels[i] ?? 255)) image.pixels[i] = value;
    }
  }
}
