import { labelComponents } from '../segment/components';
import type { BinaryMask } from '../segment/mask';

/** Pixels at least this many half-widths from the background are thicker than one chromosome. */
const THICK_SHARE = 1.25;

/** The centre cleared round the thick pixels, half-widths (the overlap and the arms' roots). */
const CENTRE_RADIUS = 1.6;

/** An arm holds at least this many h² of pixels (a stub of the rim is not an arm). */
const MIN_ARM_AREA = 1.5;

const STEPS = [-1, 0, 1, 0, 0, -1, 0, 1, -1, -1, 1, 1, -1, 1, 1, -1] as const;

/**
 * How many arms leave the thick centre of an object: where two chromosomes cross, their overlap is
 * thicker than either (about √2 half-widths for a right-angled crossing) and four arms leave it (three
 * when one ends there); a single chromosome, even with a thick band, has at most two. Returns 0 when the
 * object has no pixel thicker than a chromosome.
 *
 * @param mask the object, in its own box
 * @param distance distance to the background of each pixel of `mask`, same frame
 * @param halfWidth the spread's typical chromosome half-width, pixels
 */
export function armsRoundThickCentre(mask: BinaryMask, distance: Float32Array, halfWidth: number): number {
  const { width, height, data } = mask;
  const reach = new Int32Array(width * height).fill(-1);
  const queue = new Int32Array(width * height);
  let tail = 0;
  for (let i = 0; i < data.length; i++)
    if (data[i] !== 0 && (distance[i] ?? 0) >= THICK_SHARE * halfWidth) {
      reach[i] = 0;
      queue[tail++] = i;
    }
  if (tail === 0) return 0;
  const radius = Math.ceil(CENTRE_RADIUS * halfWidth);
  for (let head = 0; head < tail; head++) {
    const at = queue[head] ?? 0;
    const steps = reach[at] ?? 0;
    if (steps >= radius) continue;
    const x = at % width;
    const y = (at - x) / width;
    for (let n = 0; n < STEPS.length; n += 2) {
      const nx = x + (STEPS[n] ?? 0);
      const ny = y + (STEPS[n + 1] ?? 0);
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const j = ny * width + nx;
      if (data[j] === 0 || reach[j] !== -1) continue;
      reach[j] = steps + 1;
      queue[tail++] = j;
    }
  }
  const rest = new Uint8Array(width * height);
  for (let i = 0; i < rest.length; i++) rest[i] = data[i] !== 0 && reach[i] === -1 ? 1 : 0;
  const minArm = MIN_ARM_AREA * halfWidth * halfWidth;
  return labelComponents({ width, height, data: rest }).components.filter((c) => c.area >= minArm).length;
}
