import type { Random } from '../shared/random';
import type { FloatImage } from './float-image';

/**
 * Faint specks beside a chromosome (cytoplasm and stain debris, as on real slides), added in place to
 * the straight drawing: 0–6 soft blobs of 1–3 px radius and darkness 0.04–0.14, 1–6 px off the outline.
 * They are not part of the true profile.
 */
export function addDebris(
  image: FloatImage,
  pad: number,
  lengthPx: number,
  widthPx: number,
  random: Random,
): void {
  const count = random.int(0, 6);
  const centre = image.width / 2;
  for (let k = 0; k < count; k++) {
    const cy = pad + random.uniform(0, lengthPx);
    const side = random.next() < 0.5 ? -1 : 1;
    const cx = centre + side * (widthPx / 2 + random.uniform(1, 6));
    const radius = random.uniform(1, 3);
    const darkness = random.uniform(0.04, 0.14);
    for (let y = Math.floor(cy - 2 * radius); y <= Math.ceil(cy + 2 * radius); y++) {
      for (let x = Math.floor(cx - 2 * radius); x <= Math.ceil(cx + 2 * radius); x++) {
        if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
        const d2 = ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2) / (radius * radius);
        const i = y * image.width + x;
        image.data[i] = Math.max(image.data[i] ?? 0, darkness * Math.exp(-d2));
      }
    }
  }
}
