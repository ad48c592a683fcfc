import { distanceToBackground } from '../segment/distance';
import type { BinaryMask } from '../segment/mask';
import { fillHoles, principalAxis } from '../segment/mask-tools';
import { hookTangentSpan, withoutHookedEnds } from '../profile/end-hook';
import { withPaleInteriorsFilled } from '../profile/pale-interior';
import { polylineLength, resamplePolyline, type Point } from '../profile/medial-axis';
import { straightShortLine } from '../profile/short-line';
import { skeletonPathCandidates } from '../profile/skeleton-path';
import { thinMask } from '../profile/thinning';

/**
 * The centre line's code as it was before issue #25's speed work on it (commit 33dc1cd), kept verbatim so
 * that tests can check the faster code gives the very same axes, bit for bit: the medial axis with its
 * smoothing, its own distance transform of the filled mask and the extension to the tips that compares
 * every step with every point of the line. Thinning, the skeleton's paths, the hook cut and the straight line of a short
 * chromosome are the current ones (the first two have their own former code in former-imaging.ts; the
 * hook cut is unchanged; the short chromosome's straight line came after, issue #21, and is called here
 * as in medialAxis so that the two still compute the same).
 */

// profile/medial-axis.ts

/** Moving average over ±`radius` points; the ends keep their place so the length is not lost. */
function smooth(points: readonly Point[], radius: number): Point[] {
  return points.map((p, i) => {
    const r = Math.min(radius, i, points.length - 1 - i);
    let sx = 0;
    let sy = 0;
    for (let k = -r; k <= r; k++) {
      const q = points[i + k] ?? p;
      sx += q.x;
      sy += q.y;
    }
    return { x: sx / (2 * r + 1), y: sy / (2 * r + 1) };
  });
}

const inside = (mask: BinaryMask, x: number, y: number): boolean => {
  const xi = Math.round(x);
  const yi = Math.round(y);
  return xi >= 0 && yi >= 0 && xi < mask.width && yi < mask.height && mask.data[yi * mask.width + xi] !== 0;
};

/** Whether `p` lies within `clearance` pixels of any of `points`. */
function near(points: readonly Point[], p: Point, clearance: number): boolean {
  return points.some((q) => Math.hypot(q.x - p.x, q.y - p.y) < clearance);
}

/**
 * Continues a centre line past its end along the end tangent to the chromosome's tip, across pale gaps
 * up to `maxGap` pixels (a chromosome broken at a pale band, a satellite on a stalk). Where it would come
 * back within `clearance` pixels of the line itself it stops, at the tip if it had left the chromosome
 * on the way: at the end of a hooked chromosome the tangent can point back across its own body, and an
 * axis that crosses itself samples the body twice (and runs long, so the pair looks unequal).
 */
export function formerExtendToTip(
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
  // The line except its last stretch, which the extension leaves from and is near by construction.
  const body = points.filter(
    (q, i) => i < points.length - 2 * tangentSpan && Math.hypot(q.x - end.x, q.y - end.y) > clearance + 1,
  );
  let lastInside = 0;
  // Where the chromosome was first left: the tip, if what lies beyond the gap is the line's own body.
  let tipBeforeGap = -1;
  for (let t = 0.5; t - lastInside <= maxGap && t < mask.width + mask.height; t += 0.5) {
    const x = end.x + t * ux;
    const y = end.y + t * uy;
    if (near(body, { x, y }, clearance)) {
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

/**
 * Medial axis of one chromosome: the path through its skeleton that, smoothed and extended to both tips,
 * runs longest (normally the skeleton's longest path; on a short, wide chromosome a side branch may be
 * longer than the main one, but once extended the main one reaches further), resampled at 1 px, running
 * from p-ter (the upper end; the left end when the chromosome lies flat) to q-ter. Falls back to the
 * principal axis when the skeleton is degenerate (short, blobby objects).
 *
 * @param mask the chromosome's pixels (other objects removed)
 * @param width typical chromosome width, pixels: sets the smoothing and the largest gap bridged
 */
export function formerMedialAxis(mask: BinaryMask, width: number): Point[] {
  const filled = withPaleInteriorsFilled(fillHoles(mask), width);
  const pca = principalAxis(filled);
  const extent = pca.tMax - pca.tMin;
  const candidates = skeletonPathCandidates(thinMask(filled));
  const diameter = candidates[0] ?? [];
  let axis: Point[];
  if (diameter.length >= 3 && polylineLength(diameter) >= 0.5 * extent) {
    const radius = Math.max(1, Math.round(0.3 * width));
    const span = Math.max(2, Math.round(0.4 * width));
    const maxGap = Math.max(2, 0.5 * width);
    const clearance = Math.max(1, 0.25 * width);
    const distance = distanceToBackground(filled);
    const radiusAt = (p: Point): number => {
      const x = Math.round(p.x);
      const y = Math.round(p.y);
      return x >= 0 && y >= 0 && x < filled.width && y < filled.height
        ? (distance[y * filled.width + x] ?? 0)
        : 0;
    };
    let bestLength = -1;
    axis = diameter;
    for (const path of candidates) {
      if (path.length < 3) continue;
      const smoothed = resamplePolyline(smooth(path, radius), 1);
      // A hooked end is cut back and continued in the body's direction instead.
      const { line, startCut, endCut } = withoutHookedEnds(smoothed, width, radiusAt);
      const endSpan = endCut ? hookTangentSpan(width) : span;
      const startSpan = startCut ? hookTangentSpan(width) : span;
      const forward = formerExtendToTip(line, filled, endSpan, maxGap, clearance);
      const extended = formerExtendToTip(
        [...forward].reverse(),
        filled,
        startSpan,
        maxGap,
        clearance,
      ).reverse();
      const length = polylineLength(extended);
      // Strictly longer (by half a pixel) so that ties keep the diameter, the first candidate.
      if (length > bestLength + 0.5) {
        bestLength = length;
        axis = extended;
      }
    }
    axis = straightShortLine(axis, filled, pca, width, radiusAt) ?? axis;
  } else {
    axis = [
      { x: pca.cx + pca.tMin * pca.dx, y: pca.cy + pca.tMin * pca.dy },
      { x: pca.cx + pca.tMax * pca.dx, y: pca.cy + pca.tMax * pca.dy },
    ];
  }
  axis = resamplePolyline(axis, 1);
  const first = axis[0];
  const last = axis[axis.length - 1];
  if (first !== undefined && last !== undefined) {
    const flat = Math.abs(last.y - first.y) < 0.25 * Math.abs(last.x - first.x);
    const pFirst = flat ? first.x <= last.x : first.y <= last.y;
    if (!pFirst) axis.reverse();
  }
  return axis;
}
