import type { BinaryMask } from '../segment/mask';
import type { Point } from './medial-axis';
import { median } from '../../shared/statistics';

/** What a chromosome's straightening can be checked against: its axis and the pixels it came from. */
export interface AxisGeometry {
  /** Length of the medial axis, pixels. */
  readonly axisLength: number;
  /** Pixels of the chromosome's mask. */
  readonly areaPixels: number;
  /** Width across the axis (twice the median distance to the background along it), pixels. */
  readonly axisWidth: number;
}

/**
 * Below this coverage (see relativeAxisCoverage) the straightening of a chromosome is doubtful: its axis
 * runs through a fold, a hook or arms that touch, and leaves part of the chromosome out. On 9,094 crops of
 * 120 pki3 cases the 0.5th percentile is 0.82; the 7 crops below 0.74 are all folded, hooked or U-shaped
 * chromosomes whose axis covers only part of them (inspected one by one). Each of the 3 such chromosomes
 * in the 56 held-out cases made its normal type score above the shipped threshold.
 */
export const DOUBTFUL_AXIS_COVERAGE = 0.74;

/** Area, and width along the axis, of a chromosome whose axis is already known. */
export function axisGeometry(
  mask: BinaryMask,
  distance: Float32Array,
  axis: readonly Point[],
  axisLength: number,
): AxisGeometry {
  let areaPixels = 0;
  for (const v of mask.data) if (v !== 0) areaPixels++;
  const radii = axis.map((p) => {
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    return x >= 0 && y >= 0 && x < mask.width && y < mask.height ? (distance[y * mask.width + x] ?? 0) : 0;
  });
  return { axisLength, areaPixels, axisWidth: 2 * (radii.length > 0 ? median(radii) : 0) };
}

/**
 * How much of each chromosome of a cell its axis covers, relative to the cell's other chromosomes: the
 * axis length divided by the length its area implies at the cell's typical width (area / median axis
 * width), divided by the same ratio's median over the cell, so that a cell of wide or thin chromosomes
 * is its own reference. About 1 for a chromosome straightened along its whole length; a folded or
 * hooked chromosome, whose axis cuts across the fold, comes out well below (DOUBTFUL_AXIS_COVERAGE).
 * A cell of fewer than three chromosomes has no reference: every coverage is 1.
 */
export function relativeAxisCoverage(chromosomes: readonly AxisGeometry[]): number[] {
  if (chromosomes.length < 3) return chromosomes.map(() => 1);
  const cellWidth = median(chromosomes.map((c) => c.axisWidth).filter((w) => w > 0));
  if (!(cellWidth > 0)) return chromosomes.map(() => 1);
  const raw = chromosomes.map((c) =>
    c.areaPixels > 0 ? c.axisLength / (c.areaPixels / cellWidth) : Number.NaN,
  );
  const reference = median(raw.filter((r) => Number.isFinite(r) && r > 0));
  if (!(reference > 0)) return chromosomes.map(() => 1);
  return raw.map((r) => (Number.isFinite(r) ? r / reference : 1));
}

/**
 * Whether a chromosome's straightening is doubtful (see DOUBTFUL_AXIS_COVERAGE); undefined (not measured,
 * as in cases saved before the check existed) is not.
 */
export function straighteningDoubtful(axisCoverage: number | undefined): boolean {
  return axisCoverage !== undefined && axisCoverage < DOUBTFUL_AXIS_COVERAGE;
}

/**
 * The reviewer's warning for a cell's chromosomes with a doubtful straightening (named with their
 * coverage by the caller): their profiles, and the scores of their pairs, rest on part of the chromosome.
 */
export function straighteningWarningText(doubtful: readonly string[]): string {
  return (
    'straightening doubtful (folded or strongly bent; the axis covers only part of the chromosome, ' +
    `in % of what its area implies): ${doubtful.join(', ')}`
  );
}
