import type { GrayImage } from '../shared/gray-image';
import type { Random } from '../shared/random';
import { scaleAndTurn } from './turn-image';

/**
 * How another laboratory's crops differ from ours: staining polarity, contrast, optics, scale and how
 * straight the crops are cut. Used to simulate "another lab" from one set of crops (issue: per-lab
 * fine-tuning), never to train the default model.
 */
export interface LabStyle {
  /** Light chromosomes on a dark background (Q-band / DAPI look). */
  readonly inverted: boolean;
  /** Gamma on darkness (> 1 fades pale bands, < 1 darkens them). */
  readonly gamma: number;
  /** Contrast around mid-gray, 1 = unchanged. */
  readonly contrast: number;
  /** Gaussian blur, pixels (σ). */
  readonly blurPx: number;
  /** Size factor of the whole crop. */
  readonly scale: number;
  /** Largest rotation of a crop either way, degrees (each crop draws its own angle). */
  readonly maxRotationDeg: number;
}

export const OTHER_LAB: LabStyle = {
  inverted: true,
  gamma: 1.5,
  contrast: 0.75,
  blurPx: 1,
  scale: 1.35,
  maxRotationDeg: 6,
};

/**
 * A lab whose scanner resolves less: the same look as OTHER_LAB but crops at 70 % of our size with a
 * wider blur, so band detail is lost, not just restyled (polarity, contrast and scale alone are undone
 * by the pipeline's own normalisation).
 */
export const LOW_RESOLUTION_LAB: LabStyle = { ...OTHER_LAB, scale: 0.7, blurPx: 1.2 };

/** The simulated labs by name, for the command line. */
export const LAB_STYLES: Readonly<Record<string, LabStyle>> = {
  'other-lab': OTHER_LAB,
  'low-resolution': LOW_RESOLUTION_LAB,
};

/** Separable Gaussian blur (σ in pixels), edges clamped. */
function blur(image: GrayImage, sigma: number): GrayImage {
  if (sigma <= 0) return image;
  const radius = Math.ceil(2.5 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, i) =>
    Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)),
  );
  const total = kernel.reduce((a, b) => a + b, 0);
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        let sum = 0;
        for (let k = -radius; k <= radius; k++) {
          const xx = horizontal ? Math.min(image.width - 1, Math.max(0, x + k)) : x;
          const yy = horizontal ? y : Math.min(image.height - 1, Math.max(0, y + k));
          sum += (kernel[k + radius] ?? 0) * (src[yy * image.width + xx] ?? 0);
        }
        out[y * image.width + x] = sum / total;
      }
    }
    return out;
  };
  const result = pass(pass(Float32Array.from(image.pixels), true), false);
  return { width: image.width, height: image.height, pixels: Uint8Array.from(result, (v) => Math.round(v)) };
}

/** One crop as the other lab would have delivered it. */
export function restyleCrop(image: GrayImage, style: LabStyle, random: Random): GrayImage {
  const angle = (random.uniform(-style.maxRotationDeg, style.maxRotationDeg) * Math.PI) / 180;
  const moved = blur(scaleAndTurn(image, style.scale, angle), style.blurPx);
  const pixels = new Uint8Array(moved.pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const darkness = 1 - (moved.pixels[i] ?? 255) / 255;
    const shaped = Math.min(1, Math.max(0, 0.5 + style.contrast * (darkness ** style.gamma - 0.5)));
    const gray = Math.round(255 * (1 - shaped));
    pixels[i] = style.inverted ? 255 - gray : gray;
  }
  return { width: moved.width, height: moved.height, pixels };
}
