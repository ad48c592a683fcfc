import type { BackgroundEstimate } from './background';
import { labelComponents } from './components';
import type { BinaryMask } from './mask';

/** Darkness thresholds of a hysteresis segmentation, both in [0, 1] darkness. */
export interface HysteresisThresholds {
  /** Pixels at least this dark may belong to an object (reaches pale chromosome tips). */
  readonly weak: number;
  /** An object must hold at least one pixel this dark (drops faint smudges and JPEG ringing). */
  readonly strong: number;
}

/**
 * Thresholds from the background noise: the weak one sits a few noise widths above the background so
 * that pale telomeres stay attached, the strong one well inside the gray range of stained chromatin.
 * Given the darkness image, both adapt to faint stains: the strong one is at most half the darkness the
 * darkest 5 % of object-like pixels reach, the weak one at most 15 % of it (so a pale karyogram is
 * neither lost nor broken up at its pale bands).
 */
export function chooseThresholds(
  background: BackgroundEstimate,
  darkness?: Float32Array,
): HysteresisThresholds {
  const range = background.lightObjects ? 255 - background.level : background.level;
  const noiseFloor = (4 * background.noise) / Math.max(1, range);
  // 0.07 keeps JPEG ringing and scanner dust out in ordinary images.
  let weak = Math.min(0.3, Math.max(0.07, noiseFloor));
  let strong = Math.min(0.6, Math.max(0.22, 2 * weak));
  if (darkness !== undefined) {
    const darkest = darknessQuantile(darkness, Math.max(0.01, noiseFloor), 0.95);
    if (darkest > 0) {
      // A faint stain: scale both thresholds down with it, never below the noise.
      weak = Math.max(noiseFloor, Math.min(weak, 0.15 * darkest));
      strong = Math.max(1.5 * weak, Math.min(strong, 0.5 * darkest));
    }
  }
  return { weak, strong };
}

/** The `q` quantile of the darkness of pixels at least `floor` dark (0 when there are none). */
function darknessQuantile(darkness: Float32Array, floor: number, q: number): number {
  const bins = new Uint32Array(101);
  let count = 0;
  for (const d of darkness) {
    if (d < floor) continue;
    bins[Math.min(100, Math.round(d * 100))] = (bins[Math.min(100, Math.round(d * 100))] ?? 0) + 1;
    count++;
  }
  let cumulative = 0;
  for (let b = 0; b <= 100; b++) {
    cumulative += bins[b] ?? 0;
    if (cumulative >= q * count && count > 0) return b / 100;
  }
  return 0;
}

/**
 * Hysteresis threshold of a darkness image: keeps the 8-connected regions of pixels ≥ `weak` that
 * contain at least one pixel ≥ `strong`.
 */
export function hysteresisThreshold(
  darkness: Float32Array,
  width: number,
  height: number,
  thresholds: HysteresisThresholds,
): BinaryMask {
  const weakMask = new Uint8Array(width * height);
  for (let i = 0; i < weakMask.length; i++) weakMask[i] = (darkness[i] ?? 0) >= thresholds.weak ? 1 : 0;
  const labelling = labelComponents({ width, height, data: weakMask });
  const keep = new Uint8Array(labelling.components.length + 1);
  const { labels } = labelling;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l !== 0 && (darkness[i] ?? 0) >= thresholds.strong) keep[l] = 1;
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < labels.length; i++) data[i] = keep[labels[i] ?? 0] ?? 0;
  return { width, height, data };
}
