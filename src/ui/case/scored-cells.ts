import type { CaseSummary } from '../../worker/analysis-api';

/** Cells of a case that take part in its verdicts: not excluded, with chromosomes found. */
export function scoredCellCount(summary: Pick<CaseSummary, 'cells'>): number {
  return summary.cells.filter((c) => !c.excluded && c.chromosomes > 0).length;
}
