import type { GrayImage } from '../shared/gray-image';

/** Bilinear sample with white outside the image. */
function sample(image: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const at = (xx: number, yy: number): number =>
    xx < 0 || yy < 0 || xx >= image.width || yy >= image.height
      ? 255
      : (image.pixels[yy * image.width + xx] ?? 255);
  const fx = x - x0;
  const fy = y - y0;
  const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
  const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Scales and rotates (clockwise on screen for a positive angle, radians) around the centre onto a white
 * canvas large enough to hold the result, with bilinear sampling.
 */
export function scaleAndTurn(image: GrayImage, scale: number, angleRad: number): GrayImage {
  const cos = Math.cos(angleRad);
  const sin = Math.sin(angleRad);
  const w = image.width * scale;
  const h = image.height * scale;
  const width = Math.ceil(Math.abs(w * cos) + Math.abs(h * sin)) + 2;
  const height = Math.ceil(Math.abs(w * sin) + Math.abs(h * cos)) + 2;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Pixel centres on both sides (x + 0.5), so that scale 1 and angle 0 copy pixels exactly.
      const dx = x + 0.5 - width / 2;
      const dy = y + 0.5 - height / 2;
      const sx = (cos * dx + sin * dy) / scale + image.width / 2;
      const sy = (-sin * dx + cos * dy) / scale + image.height / 2;
      pixels[y * width + x] = Math.round(sample(image, sx - 0.5, sy - 0.5));
    }
  }
  return { width, height, pixels };
}
