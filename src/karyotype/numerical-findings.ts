import { CHROMOSOME_TYPES, type ChromosomeType } from '../shared/chromosome-types';

const AUTOSOMES = CHROMOSOME_TYPES.filter((t) => t !== 'X' && t !== 'Y');

/** A type's copies in each cell of a case, in cell order (what a case's verdicts carry). */
export interface TypeCopies {
  readonly type: ChromosomeType;
  readonly copies: readonly number[];
}

/** One numerical finding of a case, in ISCN-like words. */
export interface NumericalFinding {
  /** `+21`, `−7`, `+21,+21`, or the sex chromosomes a cell holds when they are neither XX nor XY (`XXY`, `X`). */
  readonly label: string;
  /** The types it concerns (X and Y together for a sex-chromosome finding). */
  readonly types: readonly ChromosomeType[];
  /** Cells showing it, and cells in all. */
  readonly cells: number;
  readonly of: number;
}

/** `+t` per extra copy, `−t` per missing one (an autosome's expected count is 2). */
function autosomeLabel(type: ChromosomeType, copies: number): string | null {
  if (copies === 2) return null;
  const sign = copies > 2 ? '+' : '−';
  return Array.from({ length: Math.abs(copies - 2) }, () => `${sign}${type}`).join(',');
}

/** The sex chromosomes of a cell when they are not XX or XY (`XXY`, `X`, `XYY`); `no X or Y` when none. */
function sexLabel(x: number, y: number): string | null {
  if ((x === 2 && y === 0) || (x === 1 && y === 1)) return null;
  const held = 'X'.repeat(x) + 'Y'.repeat(y);
  return held === '' ? 'no X or Y' : held;
}

/**
 * What a case's copy counts say beyond "two of each autosome, XX or XY": per cell, every autosome with
 * more or fewer than 2 copies and any other sex-chromosome complement, then grouped over the cells. A
 * finding in some cells only is a mosaic (or a cell miscounted): `cells` < `of` says so. Findings come in
 * karyogram order (1 … 22, then the sex chromosomes), the most frequent label of a type first.
 */
export function numericalFindings(types: readonly TypeCopies[]): NumericalFinding[] {
  const cellCount = Math.max(0, ...types.map((t) => t.copies.length));
  const copiesOf = (type: ChromosomeType, cell: number): number =>
    types.find((t) => t.type === type)?.copies[cell] ?? 0;
  const findings: NumericalFinding[] = [];
  const group = (labels: (string | null)[], concerned: readonly ChromosomeType[]): void => {
    const counts = new Map<string, number>();
    for (const label of labels) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
    for (const [label, cells] of [...counts].sort((a, b) => b[1] - a[1]))
      findings.push({ label, types: concerned, cells, of: cellCount });
  };
  for (const type of AUTOSOMES)
    group(
      Array.from({ length: cellCount }, (_, k) => autosomeLabel(type, copiesOf(type, k))),
      [type],
    );
  group(
    Array.from({ length: cellCount }, (_, k) => sexLabel(copiesOf('X', k), copiesOf('Y', k))),
    ['X', 'Y'],
  );
  return findings;
}

/** A finding in words for a line of text: `+21`, or `+21 in 2 of 4 cells` when not every cell shows it. */
export function findingText(finding: NumericalFinding): string {
  return finding.cells === finding.of
    ? finding.label
    : `${finding.label} in ${finding.cells} of ${finding.of} cells`;
}
