import type { CellPlan } from '../../imaging/case-input/case-input-plan';

/**
 * The cells with ids that are free in the case: a cell named like one the case holds (every karyogram
 * export names its file after the cell, so a second batch often repeats `cell01`) gets "-2", "-3", ….
 */
export function withFreeCellIds(cells: readonly CellPlan[], taken: readonly string[]): CellPlan[] {
  const used = new Set(taken);
  return cells.map((cell) => {
    let id = cell.id;
    for (let n = 2; used.has(id); n++) id = `${cell.id}-${String(n)}`;
    used.add(id);
    return id === cell.id ? cell : { ...cell, id };
  });
}
