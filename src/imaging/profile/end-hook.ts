import { median } from '../../shared/statistics';
import type { Point } from '../segment/mask';

/** Turn (degrees) within an end's last stretch from which that end counts as hooked. */
export const HOOK_TURN_DEGREES = 60;

/** How far from an end a hook is looked for, in chromosome widths. */
const HOOK_REACH = 0.8;

/** Length of the body stretch whose direction the end is compared with, in chromosome widths. */
const BODY_REACH = 1.2;

/** Turn (degrees) from the body's direction at which a hook is taken to begin (where it is cut). */
const HOOK_START_DEGREES = 20;

/**
 * A hook is cut only when its mean distance to the background is below this fraction of the body's
 * median. On the karyograms of other labs the hooks into one chromatid measure 0.1–0.3, the lines of
 * chromosomes whose ends are really bent (they must keep their turn) 0.9–1.1.
 */
const OFF_CENTRE = 0.5;

/** Angle between two directions, degrees in [0, 180]. */
function angleBetween(ax: number, ay: number, bx: number, by: number): number {
  const la = Math.hypot(ax, ay);
  const lb = Math.hypot(bx, by);
  if (la === 0 || lb === 0) return 0;
  const cos = Math.max(-1, Math.min(1, (ax * bx + ay * by) / (la * lb)));
  return (Math.acos(cos) * 180) / Math.PI;
}

/**
 * How many points to cut from the start of a centre line (1 px apart) because its end hooks: the line
 * turns by more than HOOK_TURN_DEGREES within the last HOOK_REACH widths against the direction of the
 * BODY_REACH widths before them. Zero when it does not. The cut is where the turn begins.
 */
function hookedStart(points: readonly Point[], width: number, radiusAt: (p: Point) => number): number {
  const reach = Math.max(3, Math.round(HOOK_REACH * width));
  const body = hookTangentSpan(width);
  const step = Math.max(2, Math.round(0.25 * width));
  // A short line has no body to compare its ends with, and its ends are half of it.
  if (points.length < 2 * (reach + body)) return 0;
  const inner = points[reach + body];
  const outer = points[reach];
  if (inner === undefined || outer === undefined) return 0;
  // Directions point outwards, towards the end.
  const bx = outer.x - inner.x;
  const by = outer.y - inner.y;
  const turns: number[] = [];
  for (let i = 0; i <= reach; i++) {
    const a = points[i + step];
    const b = points[i];
    turns.push(a === undefined || b === undefined ? 0 : angleBetween(b.x - a.x, b.y - a.y, bx, by));
  }
  if (Math.max(...turns) <= HOOK_TURN_DEGREES) return 0;
  // Walk from the body towards the end to the first direction that has left the body's.
  let cut = reach;
  while (cut > 0 && (turns[cut] ?? 0) <= HOOK_START_DEGREES) cut--;
  cut = Math.min(reach + step, cut + step);
  // Off-centre: a hook along the end runs near the outline, the line of a bent end stays in its middle.
  const bodyRadius = median(points.slice(reach, reach + body).map(radiusAt));
  const hook = points.slice(0, cut);
  const hookRadius = hook.reduce((sum, p) => sum + radiusAt(p), 0) / Math.max(1, hook.length);
  return hookRadius < OFF_CENTRE * bodyRadius ? cut : 0;
}

/** A centre line with its hooked ends cut off, and which ends were cut. */
export interface TrimmedLine {
  readonly line: Point[];
  readonly startCut: boolean;
  readonly endCut: boolean;
}

/**
 * Points over which the direction of a cut end is taken when it is continued to the chromosome's tip:
 * the body stretch the hook was measured against, so the continuation keeps the body's direction.
 */
export function hookTangentSpan(width: number): number {
  return Math.max(4, Math.round(BODY_REACH * width));
}

/**
 * A centre line whose hooked ends are cut back to where the hook begins, so that the extension to the
 * chromosome's tip (over hookTangentSpan points) continues the body's direction. At a wide or splayed end
 * the skeleton can run into one chromatid and along the end (turning 100° within half a width on real
 * karyograms of other labs): the line then samples one chromatid across, not the chromosome along, and
 * a normal pair scores as different. Only a hook that runs off-centre is cut (the mean distance to the
 * background along it below half the body's): the end of a chromosome that is itself bent keeps its
 * line in the middle of the bent part, and there the line is right to turn.
 *
 * @param points the line, 1 px apart
 * @param width typical chromosome width, pixels
 * @param radiusAt distance from a point of the line to the chromosome's background, pixels
 */
export function withoutHookedEnds(
  points: readonly Point[],
  width: number,
  radiusAt: (p: Point) => number,
): TrimmedLine {
  const start = hookedStart(points, width, radiusAt);
  const end = hookedStart([...points].reverse(), width, radiusAt);
  return { line: points.slice(start, points.length - end), startCut: start > 0, endCut: end > 0 };
}
