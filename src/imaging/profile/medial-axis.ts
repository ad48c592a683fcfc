import type { BinaryMask, Point } from '../segment/mask';
import { distanceToBackground } from '../segment/distance';
import { fillHoles, principalAxis } from '../segment/mask-tools';
import { hookTangentSpan, withoutHookedEnds } from './end-hook';
import { withPaleInteriorsFilled } from './pale-interior';
import { straightShortLine } from './short-line';
import { skeletonPathCandidates } from './skeleton-path';
import { polylineLength } from './polyline';
import { thinMask } from './thinning';
import { extendToTip } from './tip-extension';

export type { Point };
// Where the rest of imaging has always found it.
export { polylineLength } from './polyline';

/** Resamples a polyline at equal arc-length steps (`step` pixels), keeping both ends. */
export function resamplePolyline(points: readonly Point[], step: number): Point[] {
  const first = points[0];
  if (first === undefined) return [];
  const out: Point[] = [first];
  let carried = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const segment = Math.hypot(b.x - a.x, b.y - a.y);
    let along = step - carried;
    while (along <= segment) {
      const f = segment > 0 ? along / segment : 0;
      out.push({ x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y) });
      along += step;
    }
    carried = segment - (along - step);
  }
  const last = points[points.length - 1] ?? first;
  const tail = out[out.length - 1] ?? first;
  if (Math.hypot(last.x - tail.x, last.y - tail.y) > 0.25 * step) out.push(last);
  return out;
}

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

/** Whether two masks of one size hold the same pixels (a mask whose hole filling changed nothing). */
function sameData(a: BinaryMask, b: BinaryMask): boolean {
  if (a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/**
 * Medial axis of one chromosome: the path through its skeleton that, smoothed and extended to both tips,
 * runs longest (normally the skeleton's longest path; on a short, wide chromosome a side branch may be
 * longer than the main one, but once extended the main one reaches further), resampled at 1 px, running
 * from p-ter (the upper end; the left end when the chromosome lies flat) to q-ter. On a short chromosome
 * whose skeleton's line strays into a protrusion or round a pale body, the straight line down its
 * principal axis instead (short-line.ts). Falls back to the principal axis when the skeleton is
 * degenerate (short, blobby objects).
 *
 * @param mask the chromosome's pixels (other objects removed)
 * @param width typical chromosome width, pixels: sets the smoothing and the largest gap bridged
 * @param maskDistance the mask's distance to the background (a raster's `distance`), if at hand: used
 *   when the mask has no holes (a raster's mask is filled already), so that it is the filled mask's too
 */
export function medialAxis(mask: BinaryMask, width: number, maskDistance?: Float32Array): Point[] {
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
    const distance =
      maskDistance !== undefined && maskDistance.length === filled.data.length && sameData(filled, mask)
        ? maskDistance
        : distanceToBackground(filled);
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
      const forward = extendToTip(line, filled, endSpan, maxGap, clearance);
      const extended = extendToTip([...forward].reverse(), filled, startSpan, maxGap, clearance).reverse();
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
