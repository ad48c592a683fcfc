import type { BinaryMask } from './mask';

/** Fills holes: background pixels not connected (4-connected) to the border become object pixels. */
export function fillHoles(mask: BinaryMask): BinaryMask {
  const { width, height, data } = mask;
  const outside = new Uint8Array(width * height);
  const stack: number[] = [];
  const seed = (x: number, y: number): void => {
    const i = y * width + x;
    if (data[i] === 0 && outside[i] === 0) {
      outside[i] = 1;
      stack.push(i);
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x, 0);
    seed(x, height - 1);
  }
  for (let y = 0; y < height; y++) {
    seed(0, y);
    seed(width - 1, y);
  }
  while (stack.length > 0) {
    const i = stack.pop() ?? 0;
    const x = i % width;
    const y = (i - x) / width;
    if (x > 0) seed(x - 1, y);
    if (x + 1 < width) seed(x + 1, y);
    if (y > 0) seed(x, y - 1);
    if (y + 1 < height) seed(x, y + 1);
  }
  const filled = new Uint8Array(width * height);
  for (let i = 0; i < filled.length; i++) filled[i] = outside[i] === 0 ? 1 : 0;
  return { width, height, data: filled };
}

/** Principal axis of the object pixels: centroid (pixels), unit direction, extent along it (pixels). */
export interface PrincipalAxis {
  readonly cx: number;
  readonly cy: number;
  readonly dx: number;
  readonly dy: number;
  /** Smallest and largest projection of an object pixel on the axis, pixels from the centroid. */
  readonly tMin: number;
  readonly tMax: number;
}

/** Principal axis of a mask's object pixels (from their second moments). */
export function principalAxis(mask: BinaryMask): PrincipalAxis {
  const { width, height, data } = mask;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] === 0) continue;
      n++;
      sx += x;
      sy += y;
    }
  }
  const cx = n > 0 ? sx / n : width / 2;
  const cy = n > 0 ? sy / n : height / 2;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] === 0) continue;
      sxx += (x - cx) ** 2;
      syy += (y - cy) ** 2;
      sxy += (x - cx) * (y - cy);
    }
  }
  // Orientation of the major axis of the covariance ellipse.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  let tMin = 0;
  let tMax = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] === 0) continue;
      const t = (x - cx) * dx + (y - cy) * dy;
      if (t < tMin) tMin = t;
      if (t > tMax) tMax = t;
    }
  }
  return { cx, cy, dx, dy, tMin, tMax };
}
