/**
 * Below this many scored cells a case's verdicts miss noticeably more. Measured on bags joined from cells
 * of different validation cases (docs/evaluation.md, "What more cells buy", 1,000 bags per count): AUC on
 * standard changes 89.7 / 92.3 / 95.0 / 96.5 from 1 / 2 / 3 / 5 cells, on subtle ones 68.2 / 78.5 / 80.4 /
 * 86.7. The steepest steps are the first two; more cells still help, but a note on every case of 3 or 4
 * cells would be noise.
 */
export const FEW_CELLS = 3;

/**
 * What the case view, the report and `analyze` say when the verdicts rest on fewer than FEW_CELLS cells
 * (each adds what its reader can do about it); null from FEW_CELLS on, and when no cell was scored
 * (there is nothing to pool then).
 */
export function fewCellsText(scoredCells: number): string | null {
  if (scoredCells <= 0 || scoredCells >= FEW_CELLS) return null;
  return (
    `only ${scoredCells === 1 ? 'one cell' : 'two cells'} scored; HomNet pools the cells of a case, and from ` +
    `fewer than ${String(FEW_CELLS)} it misses more changes and flags more normal pairs`
  );
}
