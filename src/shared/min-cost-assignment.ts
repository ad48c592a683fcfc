/**
 * The assignment of every row to its own column with the least total cost (the Hungarian method,
 * Jonker–Volgenant's shortest augmenting paths form, O(rows² × columns)). Needs rows ≤ columns.
 *
 * @param cost row-major, rows × columns, finite
 * @returns the column of each row
 */
export function minCostAssignment(cost: Float64Array, rows: number, columns: number): Int32Array {
  if (rows > columns) throw new Error(`assignment: ${rows} rows cannot each take one of ${columns} columns`);
  if (cost.length !== rows * columns) throw new Error('assignment: cost matrix of the wrong size');
  // 1-based potentials and matches, column 0 a virtual start (the classic formulation).
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const rowOfColumn = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  const minTo = new Float64Array(columns + 1);
  const used = new Uint8Array(columns + 1);
  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    minTo.fill(Infinity);
    used.fill(0);
    do {
      used[column] = 1;
      const r = rowOfColumn[column] ?? 0;
      let delta = Infinity;
      let next = 0;
      for (let c = 1; c <= columns; c++) {
        if (used[c]) continue;
        const reduced = (cost[(r - 1) * columns + (c - 1)] ?? 0) - (u[r] ?? 0) - (v[c] ?? 0);
        if (reduced < (minTo[c] ?? Infinity)) {
          minTo[c] = reduced;
          way[c] = column;
        }
        if ((minTo[c] ?? Infinity) < delta) {
          delta = minTo[c] ?? Infinity;
          next = c;
        }
      }
      for (let c = 0; c <= columns; c++) {
        if (used[c]) {
          const matched = rowOfColumn[c] ?? 0;
          u[matched] = (u[matched] ?? 0) + delta;
          v[c] = (v[c] ?? 0) - delta;
        } else minTo[c] = (minTo[c] ?? 0) - delta;
      }
      column = next;
    } while ((rowOfColumn[column] ?? 0) !== 0);
    do {
      const previous = way[column] ?? 0;
      rowOfColumn[column] = rowOfColumn[previous] ?? 0;
      column = previous;
    } while (column !== 0);
  }
  const columnOfRow = new Int32Array(rows).fill(-1);
  for (let c = 1; c <= columns; c++) {
    const r = rowOfColumn[c] ?? 0;
    if (r > 0) columnOfRow[r - 1] = c - 1;
  }
  return columnOfRow;
}
