import type { DerivativeChromosome } from '../../karyotype/derivative-types';
import type { ChromosomeType } from '../../shared/chromosome-types';

/** An interval along a chromosome, fractions of the NORMAL homolog's length from p-ter. */
export interface FractionSpan {
  readonly from: number;
  readonly to: number;
}

/** A point change (an insertion site) is widened to this many fractions of length, about one band. */
const MIN_WIDTH = 0.05;

/**
 * The segment of the normal chromosome `type` that a derivative placed in its slot has changed, in
 * fractions of the normal chromosome's length from p-ter (the coordinate ISCN bands are named in; the
 * derivative's own length differs). It is the hull of: the breaks on `type`, the parts of `type`
 * missing from the derivative (deletions, translocated-away arms), parts present twice (duplications)
 * and parts present reversed (inversions). So del(5)(p14) → [0, 5p14]; dup(1)(q21q32) and
 * inv(3)(q21q26) → [q21, q32|q26]; der(11)t(11;22)(q23;…) → [11q23, 1]; a recipient of an insertion →
 * its insertion site, widened to MIN_WIDTH. Null for a normal chromosome or one without `type`.
 */
export function changedSpan(derivative: DerivativeChromosome, type: ChromosomeType): FractionSpan | null {
  if (derivative.breakpoints.length === 0) return null;
  const own = derivative.segments
    .filter((s) => s.source === type)
    .map((s) => ({ lo: Math.min(s.from, s.to), hi: Math.max(s.from, s.to), reversed: s.from > s.to }));
  if (own.length === 0) return null;
  const points: number[] = derivative.breakpoints
    .filter((b) => b.source === type)
    .map((b) => b.sourceFraction);
  for (const s of own) if (s.reversed) points.push(s.lo, s.hi);
  // Present twice: any overlap between two pieces of `type`.
  for (let i = 0; i < own.length; i++)
    for (let j = i + 1; j < own.length; j++) {
      const a = own[i];
      const b = own[j];
      if (!a || !b) continue;
      const lo = Math.max(a.lo, b.lo);
      const hi = Math.min(a.hi, b.hi);
      if (hi > lo) points.push(lo, hi);
    }
  // Missing: the gaps in [0, 1] that no piece of `type` covers.
  const sorted = [...own].sort((a, b) => a.lo - b.lo);
  let reach = 0;
  for (const s of sorted) {
    if (s.lo > reach + 1e-6) points.push(reach, s.lo);
    reach = Math.max(reach, s.hi);
  }
  if (reach < 1 - 1e-6) points.push(reach, 1);
  if (points.length === 0) return null;
  let from = Math.min(...points);
  let to = Math.max(...points);
  if (to - from < MIN_WIDTH) {
    const centre = (from + to) / 2;
    from = Math.max(0, centre - MIN_WIDTH / 2);
    to = Math.min(1, from + MIN_WIDTH);
  }
  return { from, to };
}

/** How a located span compares with the true one (all in fractions of the normal length). */
export interface SpanAgreement {
  readonly overlaps: boolean;
  /** Intersection over union, [0, 1]. */
  readonly iou: number;
  /** |centre of located − centre of true|. */
  readonly centreDistance: number;
}

export function spanAgreement(located: FractionSpan, truth: FractionSpan): SpanAgreement {
  const intersection = Math.max(0, Math.min(located.to, truth.to) - Math.max(located.from, truth.from));
  const union = Math.max(located.to, truth.to) - Math.min(located.from, truth.from);
  return {
    overlaps: intersection > 0,
    iou: union > 0 ? intersection / union : 0,
    centreDistance: Math.abs((located.from + located.to) / 2 - (truth.from + truth.to) / 2),
  };
}
