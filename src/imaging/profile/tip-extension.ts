import type { BinaryMask, Point } from '../segment/mask';

const inside = (mask: BinaryMask, x: number, y: number): boolean => {
  const xi = Math.round(x);
  const yi = Math.round(y);
  return xi >= 0 && yi >= 0 && xi < mask.width && yi < mask.height && mask.data[yi * mask.width + xi] !== 0;
};

/**
 * Slack (pixels) of the filter on the line's points. Rounding puts a step's point some 1e-12 px off the
 * exact ray at coordinates of a few thousand pixels, far less than this, so a point the filter leaves out
 * could never pass the `Math.hypot(…) < clearance` test; the points it keeps are tested with just that.
 */
const ROUNDING_MARGIN = 1e-6;

/**
 * Continues a centre line past its end along the end tangent to the chromosome's tip, across pale gaps
 * up to `maxGap` pixels (a chromosome broken at a pale band, a satellite on a stalk). Where it would come
 * back within `clearance` pixels of the line itself it stops, at the tip if it had left the chromosome
 * on the way: at the end of a hooked chromosome the tangent can point back across its own body, and an
 * axis that crosses itself samples the body twice (and runs long, so the pair looks unequal).
 *
 * Only the points of the line that lie within `clearance` of the ray's straight line can come that
 * close, so each half-pixel step is compared with those few, not with the whole line (issue #25).
 */
export function extendToTip(
  points: readonly Point[],
  mask: BinaryMask,
  tangentSpan: number,
  maxGap: number,
  clearance: number,
): Point[] {
  const end = points[points.length - 1];
  const before = points[Math.max(0, points.length - 1 - tangentSpan)];
  if (end === undefined || before === undefined) return [...points];
  const length = Math.hypot(end.x - before.x, end.y - before.y);
  if (length === 0) return [...points];
  const ux = (end.x - before.x) / length;
  const uy = (end.y - before.y) / length;
  // The line except its last stretch, which the extension leaves from and is near by construction; of
  // it only the points beside the ray: less than the clearance across its line, and not so far behind
  // its first step (half a pixel on) that no step comes within the clearance. The line's own body lies
  // on the ray's line too, but behind it.
  const bodyEnd = points.length - 2 * tangentSpan;
  const nearXs: number[] = [];
  const nearYs: number[] = [];
  for (let i = 0; i < bodyEnd; i++) {
    const q = points[i];
    if (q === undefined) continue;
    const across = Math.abs((q.x - end.x) * uy - (q.y - end.y) * ux);
    const along = (q.x - end.x) * ux + (q.y - end.y) * uy;
    if (across >= clearance + ROUNDING_MARGIN || along <= 0.5 - clearance - ROUNDING_MARGIN) continue;
    if (Math.hypot(q.x - end.x, q.y - end.y) > clearance + 1) {
      nearXs.push(q.x);
      nearYs.push(q.y);
    }
  }
  const beside = nearXs.length;
  let lastInside = 0;
  // Where the chromosome was first left: the tip, if what lies beyond the gap is the line's own body.
  let tipBeforeGap = -1;
  for (let t = 0.5; t - lastInside <= maxGap && t < mask.width + mask.height; t += 0.5) {
    const x = end.x + t * ux;
    const y = end.y + t * uy;
    let near = false;
    for (let k = 0; k < beside && !near; k++) {
      near = Math.hypot((nearXs[k] ?? 0) - x, (nearYs[k] ?? 0) - y) < clearance;
    }
    if (near) {
      if (tipBeforeGap >= 0) lastInside = tipBeforeGap;
      break;
    }
    if (inside(mask, x, y)) lastInside = t;
    else if (tipBeforeGap < 0) tipBeforeGap = lastInside;
  }
  const extended = [...points];
  for (let t = 1; t <= lastInside; t++) extended.push({ x: end.x + t * ux, y: end.y + t * uy });
  if (lastInside % 1 !== 0) extended.push({ x: end.x + lastInside * ux, y: end.y + lastInside * uy });
  return extended;
}
