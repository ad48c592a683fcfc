import { polylineLength } from '../../imaging/profile/medial-axis';
import { relativeChromatidDisagreement } from '../../imaging/profile/chromatid-agreement';
import {
  centreLineProblem,
  centreLineThrough,
  straightenAlong,
} from '../../imaging/profile/manual-centre-line';
import type { Point } from '../../imaging/segment/mask';
import type { CaseChromosome, ManualCentreLine } from './profiled-case';

/**
 * The chromosome straightened along `axis` (axis picture pixels, p-ter first), with its doubt figures
 * measured again. Axis coverage is the automatic axis's scaled by the length ratio: the chromosome's area
 * and its cell's reference stay, and the cell's typical width moves by at most one chromosome's share.
 * Chromatid disagreement is measured against the cell's typical chromosome with this profile in place;
 * the cell's other chromosomes keep their figures (their reference moves by one chromosome at most).
 */
function straightened(
  c: CaseChromosome,
  cell: readonly CaseChromosome[],
  axis: readonly Point[],
  automatic: ManualCentreLine['automatic'],
): CaseChromosome {
  const picture = c.axisPicture;
  if (picture === undefined) throw new Error('this chromosome has no picture to draw a centre line on');
  const profiled = straightenAlong(picture, axis);
  const index = cell.indexOf(c);
  const disagreement = relativeChromatidDisagreement(
    cell.map((other, i) => (i === index ? { profile: profiled.profile, samples: profiled.samples } : other)),
  )[index];
  const automaticLength = polylineLength(automatic.axis);
  return {
    ...c,
    profile: profiled.profile,
    samples: profiled.samples,
    straightened: profiled.straightened,
    axisPicture: { ...picture, axis: profiled.axis },
    ...(automatic.axisCoverage !== undefined && automaticLength > 0
      ? { axisCoverage: (automatic.axisCoverage * profiled.axisLength) / automaticLength }
      : {}),
    ...(disagreement !== undefined ? { chromatidDisagreement: disagreement } : {}),
  };
}

/** What the chromosome's automatic straightening was, kept the first time a reviewer's line replaces it. */
function automaticOf(c: CaseChromosome): ManualCentreLine['automatic'] {
  if (c.manualCentreLine) return c.manualCentreLine.automatic;
  return {
    axis: c.axisPicture?.axis ?? [],
    ...(c.axisCoverage !== undefined ? { axisCoverage: c.axisCoverage } : {}),
    ...(c.chromatidDisagreement !== undefined ? { chromatidDisagreement: c.chromatidDisagreement } : {}),
  };
}

/**
 * The chromosome (one of `cell`) straightened along the reviewer's centre line through `points` (axis
 * picture pixels, p-ter first); the line it replaces is kept for Undo.
 *
 * @throws Error naming the problem when the line cannot be used (too few points, outside the picture, a
 *   chromosome without a picture or saved without what straightening it again needs)
 */
export function withManualCentreLine(
  c: CaseChromosome,
  cell: readonly CaseChromosome[],
  points: readonly Point[],
): CaseChromosome {
  if (c.axisPicture === undefined) throw new Error('this chromosome has no picture to draw a centre line on');
  const problem = centreLineProblem(c.axisPicture, points);
  if (problem !== null) throw new Error(problem);
  const automatic = automaticOf(c);
  const earlier = c.manualCentreLine ? [...c.manualCentreLine.earlier, c.manualCentreLine.points] : [];
  const line: ManualCentreLine = { points: points.map((p) => ({ x: p.x, y: p.y })), earlier, automatic };
  return { ...straightened(c, cell, centreLineThrough(points), automatic), manualCentreLine: line };
}

/**
 * The chromosome with its last centre line undone: the reviewer's line before it, or the automatic axis
 * with its own figures (exactly as first analysed) when it was the first. Unchanged without a reviewer's line.
 */
export function withCentreLineUndone(c: CaseChromosome, cell: readonly CaseChromosome[]): CaseChromosome {
  const manual = c.manualCentreLine;
  if (manual === undefined) return c;
  const previous = manual.earlier[manual.earlier.length - 1];
  if (previous !== undefined) {
    const line: ManualCentreLine = { ...manual, points: previous, earlier: manual.earlier.slice(0, -1) };
    return {
      ...straightened(c, cell, centreLineThrough(previous), manual.automatic),
      manualCentreLine: line,
    };
  }
  // The automatic axis again, with the figures it was first measured with (not measured anew).
  const restored = straightened(c, cell, manual.automatic.axis, manual.automatic);
  const {
    manualCentreLine: _line,
    axisCoverage: _coverage,
    chromatidDisagreement: _disagreement,
    ...plain
  } = restored;
  return {
    ...plain,
    ...(manual.automatic.axisCoverage !== undefined ? { axisCoverage: manual.automatic.axisCoverage } : {}),
    ...(manual.automatic.chromatidDisagreement !== undefined
      ? { chromatidDisagreement: manual.automatic.chromatidDisagreement }
      : {}),
  };
}

/** A reviewer's centre line read the other way up (the chromosome flipped): every line reversed. */
export function reversedManualCentreLine(line: ManualCentreLine): ManualCentreLine {
  return {
    points: [...line.points].reverse(),
    earlier: line.earlier.map((points) => [...points].reverse()),
    automatic: { ...line.automatic, axis: [...line.automatic.axis].reverse() },
  };
}
