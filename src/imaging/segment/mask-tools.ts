import type { BinaryMask } from './mask';

/** Fills holes: background pixels not connected (4-connected) to the border become object pixels. */
export function fillHoles(mask: BinaryMask): BinaryMask {
  const { width, height, data } = mask;
  // 1 = background reached from the border. Each pixel is pushed at most once, so a stack of one entry
  // per pixel never overflows.
  const outside = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  let top = 0;
  const last = width * height - 1;
  for (let i = 0; i <= last; i++) {
    const x = i % width;
    const onBorder = x === 0 || x === width - 1 || i < width || i > last - width;
    if (!onBorder || data[i] !== 0 || outside[i] !== 0) continue;
    outside[i] = 1;
    stack[top++] = i;
  }
  while (top > 0) {
    const i = stack[--top] ?? 0;
    const x = i % width;
    const west = i - 1;
    const east = i + 1;
    const north = i - width;
    const south = i + width;
    if (x > 0 && data[west] === 0 && outside[west] === 0) {
      outside[west] = 1;
      stack[top++] = west;
    }
    if (x + 1 < width && data[east] === 0 && outside[east] === 0) {
      outside[east] = 1;
      stack[top++] = east;
    }
    if (north >= 0 && data[north] === 0 && outside[north] === 0) {
      outside[north] = 1;
      stack[top++] = north;
    }
    if (south <= last && data[south] === 0 && outside[south] === 0) {
      outside[south] = 1;
      stack[top++] = south;
    }
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
