import type { GrayImage } from '../shared/gray-image';

/** A single-channel float image, row-major; here always darkness in [0, 1] (0 = background). */
export interface FloatImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

export function createFloatImage(width: number, height: number): FloatImage {
  return { width, height, data: new Float32Array(width * height) };
}

/** Normalised 1-D Gaussian kernel with radius ⌈3σ⌉ (σ in samples). */
export function gaussianKernel(sigma: number): Float32Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float32Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    kernel[i + radius] = v;
    sum += v;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] = (kernel[i] ?? 0) / sum;
  return kernel;
}

/** Gaussian smoothing of a 1-D signal (σ in samples), edges clamped. */
export function smooth1d(values: Float32Array, sigma: number): Float32Array {
  if (sigma <= 0) return values.slice();
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const out = new Float32Array(values.length);
  const last = values.length - 1;
  for (let i = 0; i < values.length; i++) {
    let sum = 0;
    for (let k = -radius; k <= radius; k++) {
      const j = Math.min(last, Math.max(0, i + k));
      sum += (values[j] ?? 0) * (kernel[k + radius] ?? 0);
    }
    out[i] = sum;
  }
  return out;
}

/** Separable Gaussian blur (σ in pixels); outside the image counts as background (0). */
export function blurFloatImage(image: FloatImage, sigma: number): FloatImage {
  if (sigma <= 0) return { ...image, data: image.data.slice() };
  const { width, height, data } = image;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const dst = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = horizontal ? x + k : x;
          const yy = horizontal ? y : y + k;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
          sum += (src[yy * width + xx] ?? 0) * (kernel[k + radius] ?? 0);
        }
        dst[y * width + x] = sum;
      }
    }
    return dst;
  };
  return { width, height, data: pass(pass(data, true), false) };
}

/** Smallest box holding every pixel darker than `threshold` (gray), grown by `margin` and clipped. */
export function inkBounds(
  image: GrayImage,
  threshold: number,
  margin: number,
): { x: number; y: number; width: number; height: number } {
  let x0 = image.width;
  let y0 = image.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) >= threshold) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return { x: 0, y: 0, width: image.width, height: image.height };
  const x = Math.max(0, x0 - margin);
  const y = Math.max(0, y0 - margin);
  return {
    x,
    y,
    width: Math.min(image.width, x1 + margin + 1) - x,
    height: Math.min(image.height, y1 + margin + 1) - y,
  };
}

/** A copy of a rectangle of `image` (pixels). */
export function cropGray(
  image: GrayImage,
  box: { x: number; y: number; width: number; height: number },
): GrayImage {
  const pixels = new Uint8Array(box.width * box.height);
  for (let y = 0; y < box.height; y++) {
    const from = (box.y + y) * image.width + box.x;
    pixels.set(image.pixels.subarray(from, from + box.width), y * box.width);
  }
  return { width: box.width, height: box.height, pixels };
}
