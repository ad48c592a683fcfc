import type { BinaryMask, Point } from '../segment/mask';
import type { PrincipalAxis } from '../segment/mask-tools';
import { distanceToPolyline, polylineLength } from './polyline';

/** A centre line shorter than this many chromosome widths belongs to a short chromosome. */
const SHORT_LENGTH = 3;

/**
 * The chromosome must reach at least this much further along its principal axis than across it: on a
 * blob about as wide as long the principal direction says nothing about which way it runs.
 */
const ELONGATION = 1.3;

/**
 * The line strays when a point of it lies further than this many widths from the principal axis. Below
 * it the two lines differ too little for a swap to be worth its risk: a quarter width swapped 83 of the
 * 4,174 pki3 validation crops' lines and made one of their normal 22s, whose crop holds a dark bar of
 * another object across its top, score 0.94 (the straight line read the bar across as a band); half a
 * width swaps 7 (their pairs' profile correlation 0.715 -> 0.762) and still straightens the karyograms'
 * lines that turned into a protrusion or curled (0.59-0.63 widths off).
 */
const STRAY = 0.5;

/** Signed distance of a point from the principal axis, pixels. */
const across = (pca: PrincipalAxis, p: Point): number => -(p.x - pca.cx) * pca.dy + (p.y - pca.cy) * pca.dx;

/** Extent of the mask's pixels across the principal axis, pixels. */
function extentAcross(mask: BinaryMask, pca: PrincipalAxis): number {
  let lo = 0;
  let hi = 0;
  for (let y = 0; y < mask.height; y++)
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] === 0) continue;
      const s = across(pca, { x, y });
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
  return hi - lo;
}

/** Mean distance to the background along a line of points 1 px apart. */
function meanRadius(points: readonly Point[], radiusAt: (p: Point) => number): number {
  let sum = 0;
  for (const p of points) sum += radiusAt(p);
  return sum / Math.max(1, points.length);
}

/** Pixels of the mask within `reach` of a line. */
function pixelsNear(mask: BinaryMask, line: readonly Point[], reach: number): number {
  let near = 0;
  for (let y = 0; y < mask.height; y++)
    for (let x = 0; x < mask.width; x++)
      if (mask.data[y * mask.width + x] !== 0 && distanceToPolyline(x, y, line) <= reach) near++;
  return near;
}

/**
 * The straight line down a short chromosome's principal axis, over the whole length of the chromosome
 * along it, when that line runs more centrally than the skeleton's line (its mean distance to
 * the background at least as large) and the skeleton's line strays from it by more than STRAY widths;
 * null when the skeleton's line stands. On a short, wide chromosome the skeleton's longest path can turn
 * into a protrusion at an end or curl round a pale body (real karyograms of other labs: a normal 18 and a
 * normal 21 scored 0.90–1.00): the line then samples the chromosome across, not along, and its ends are
 * half of it, too little for the hook check of longer lines (end-hook.ts). A short chromosome that is
 * itself bent keeps its line: there the straight line runs out across the bend's inner edge and is the
 * less central one; so does one with a thin part the straight line would leave aside (fewer of its
 * pixels within half a width of the straight line than of its own), such as an acrocentric's short arm
 * curled sideways (pki3's 15s).
 *
 * @param line the skeleton's line, extended to the tips, 1 px apart
 * @param mask the chromosome's pixels (holes filled)
 * @param pca the mask's principal axis
 * @param width typical chromosome width, pixels
 * @param radiusAt distance from a point to the chromosome's background, pixels (0 outside)
 */
export function straightShortLine(
  line: readonly Point[],
  mask: BinaryMask,
  pca: PrincipalAxis,
  width: number,
  radiusAt: (p: Point) => number,
): Point[] | null {
  if (polylineLength(line) >= SHORT_LENGTH * width) return null;
  if (pca.tMax - pca.tMin < ELONGATION * extentAcross(mask, pca)) return null;
  if (!line.some((p) => Math.abs(across(pca, p)) > STRAY * width)) return null;
  const straight: Point[] = [];
  for (let t = pca.tMin; t <= pca.tMax; t += 1)
    straight.push({ x: pca.cx + t * pca.dx, y: pca.cy + t * pca.dy });
  // Over the whole span: where the straight line crosses background (a bent chromosome) it counts 0.
  if (meanRadius(straight, radiusAt) < meanRadius(line, radiusAt)) return null;
  // Tip to tip as far as the chromosome reaches along the axis (its length), as the line it replaces.
  const ends = [
    { x: pca.cx + pca.tMin * pca.dx, y: pca.cy + pca.tMin * pca.dy },
    { x: pca.cx + pca.tMax * pca.dx, y: pca.cy + pca.tMax * pca.dy },
  ];
  // A thin part the straight line leaves aside (an acrocentric's short arm curled sideways) is part of
  // the chromosome: the line that runs within half a width of more of it stands.
  return pixelsNear(mask, ends, 0.5 * width) < pixelsNear(mask, line, 0.5 * width) ? null : ends;
}
