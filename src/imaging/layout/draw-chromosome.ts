import type { GrayImage } from '../../shared/gray-image';
import type { Point } from '../segment/mask';

/** Darkness along a drawn chromosome, from p-ter (t = 0) to q-ter (t = 1), in [0, 1]. */
export type BandPattern = (t: number) => number;

/**
 * Paints a banded chromosome into `image` (in place): a tube of `width` pixels around the centre line
 * `path` (p-ter first), with rounded ends, gray = 255 − 255 × darkness(t) where t is the fraction of
 * length of the nearest centre-line point. Darker paint wins where shapes overlap. For synthetic test
 * karyograms and crops, not for analysis.
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

/** Paints a filled axis-aligned rectangle of one gray level (baselines, strokes of printed numbers). */
export function fillRect(image: GrayImage, x: number, y: number, w: number, h: number, gray: number): void {
  for (let yy = Math.max(0, Math.round(y)); yy < Math.min(image.height, Math.round(y + h)); yy++) {
    for (let xx = Math.max(0, Math.round(x)); xx < Math.min(image.width, Math.round(x + w)); xx++) {
      image.pixels[yy * image.width + xx] = gray;
    }
  }
}

/** Segments of a seven-segment digit: [x, y, horizontal] in units of the digit's half-height. */
const SEGMENTS: Readonly<Record<string, readonly (readonly [number, number, boolean])[]>> = {
  a: [[0, 0, true]],
  b: [[1, 0, false]],
  c: [[1, 1, false]],
  d: [[0, 2, true]],
  e: [[0, 1, false]],
  f: [[0, 0, false]],
  g: [[0, 1, true]],
};
const DIGIT_SEGMENTS = [
  'abcdef',
  'bc',
  'abdeg',
  'abcdg',
  'bcfg',
  'acdfg',
  'acdefg',
  'abc',
  'abcdefg',
  'abcdfg',
];

/** Paints a label (digits, X, Y) as thin seven-segment strokes, top-left at (x, y), `size` px tall. */
export function drawLabel(image: GrayImage, text: string, x: number, y: number, size: number): void {
  const half = size / 2;
  const stroke = Math.max(1, Math.round(size / 8));
  let cursor = x;
  for (const ch of text) {
    const code = /\d/.test(ch) ? (DIGIT_SEGMENTS[Number(ch)] ?? '') : ch === 'X' ? 'bcefg' : 'bcdfg';
    for (const name of code) {
      for (const [sx, sy, horizontal] of SEGMENTS[name] ?? []) {
        const px = cursor + sx * 0.6 * half;
        const py = y + sy * half;
        if (horizontal) fillRect(image, px, py, 0.6 * half + stroke, stroke, 20);
        else fillRect(image, px, py, stroke, half + stroke, 20);
      }
    }
    cursor += 0.6 * half + 3 * stroke;
  }
}
