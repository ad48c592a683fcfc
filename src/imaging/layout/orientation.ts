import { principalAxis } from '../segment/mask-tools';
import type { Piece } from './piece';

/** Largest tilt from vertical that still counts as standing upright, degrees. */
const UPRIGHT_TILT_DEG = 35;

/**
 * Fraction of the elongated pieces (principal extent at least 1.5× their mean width) whose principal
 * axis is within 35° of vertical, [0, 1]; 1 when none is elongated. A karyogram stands its chromosomes
 * upright (≥ 0.95 in the reference images, bent ones included); a metaphase spread scatters them in all
 * directions (≈ 0.4).
 */
export function uprightFraction(pieces: readonly Piece[]): number {
  let elongated = 0;
  let upright = 0;
  for (const piece of pieces) {
    const axis = principalAxis(piece.mask);
    const extent = axis.tMax - axis.tMin;
    if (extent < 1.5 * (piece.area / Math.max(1, extent))) continue;
    elongated++;
    const tilt = (Math.abs(Math.atan2(axis.dx, axis.dy)) * 180) / Math.PI;
    if (Math.min(tilt, 180 - tilt) <= UPRIGHT_TILT_DEG) upright++;
  }
  return elongated === 0 ? 1 : upright / elongated;
}
