/**
 * Below this many scored cells a case's verdicts miss noticeably more. Measured on the validation cases
 * (docs/evaluation.md, "What more cells buy"): from one cell to two and three, AUC on standard changes
 * rises by about 4 and then 2.5 points; from three to five it hardly moves.
 */
export const FEW_CELLS = 3;

/**
 * What the case view and `analyze` say when the verdicts rest on fewer than FEW_CELLS cells; null from
 * FEW_CELLS on, and when no cell was scored (there is nothing to pool then).
 */
export function fewCellsText(scoredCells: number): string | null {
  if (scoredCells <= 0 || scoredCells >= FEW_CELLS) return null;
  return (
    `only ${scoredCells === 1 ? 'one cell' : 'two cells'} scored; HomNet pools the cells of a case, and from ` +
    `fewer than ${String(FEW_CELLS)} it misses more changes and flags more normal pairs (add cells of this ` +
    'case if you have them)'
  );
}
