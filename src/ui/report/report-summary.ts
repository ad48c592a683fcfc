import { calibrationText } from '../common/verdict';
import { CHROMOSOME_TYPES, type ChromosomeType } from '../../shared/chromosome-types';
import { numericalFindings, type NumericalFinding } from '../../karyotype/numerical-findings';
import { fewCellsText } from '../../pipeline/verdict/few-cells';
import { refusalReason } from '../../state/review-types';
import type { CaseSummary } from '../../worker/analysis-api';
import { scoredCellCount } from '../case/scored-cells';

const AUTOSOMES = CHROMOSOME_TYPES.filter((t) => t !== 'X' && t !== 'Y');

/** One labelled line of the report's case summary ("Numerical findings", "+21 (trisomy 21) in all 4 cells"). */
export interface SummaryLine {
  readonly label: string;
  readonly text: string;
}

/** Copies of `type` in the k-th scored cell; a type absent from every cell has none. */
function copiesIn(summary: Pick<CaseSummary, 'types'>, type: ChromosomeType, cell: number): number {
  return summary.types.find((t) => t.type === type)?.copies[cell] ?? 0;
}

/**
 * The cells the copy counts cover that hold any chromosome: copies[k] is the k-th cell that is not
 * excluded, and a cell where none was found takes no part in scoring (nor in a mosaic).
 */
function countedCells(summary: Pick<CaseSummary, 'types'>): number[] {
  const cells = Math.max(0, ...summary.types.map((t) => t.copies.length));
  return Array.from({ length: cells }, (_, k) => k).filter((k) =>
    summary.types.some((t) => (t.copies[k] ?? 0) > 0),
  );
}

/**
 * One cell's counts in ISCN form: the chromosome total, the sex chromosomes, then each autosome gained
 * (`+21`) or lost (`-7`), e.g. `47,XY,+21`, `45,X`, `47,XXY`. Hyphens stand for minus signs (the PDF's
 * standard fonts have no U+2212).
 */
export function cellFormula(summary: Pick<CaseSummary, 'types'>, cell: number): string {
  let total = 0;
  const changes: string[] = [];
  for (const type of AUTOSOMES) {
    const copies = copiesIn(summary, type, cell);
    total += copies;
    const sign = copies > 2 ? '+' : '-';
    for (let k = 0; k < Math.abs(copies - 2); k++) changes.push(`${sign}${type}`);
  }
  const x = copiesIn(summary, 'X', cell);
  const y = copiesIn(summary, 'Y', cell);
  total += x + y;
  const sex = 'X'.repeat(x) + 'Y'.repeat(y);
  return [String(total), sex === '' ? 'no X or Y' : sex, ...changes].join(',');
}

/** `in all 4 cells`, `in the one cell`, `in 2 of 4 cells`. */
function inCells(cells: number, of: number): string {
  if (cells === of) return of === 1 ? 'in the one cell' : `in all ${String(of)} cells`;
  return `in ${String(cells)} of ${String(of)} cells`;
}

const SOMY = ['nullisomy', 'monosomy', 'disomy', 'trisomy', 'tetrasomy', 'pentasomy'] as const;

/** What a numerical finding is called: `+21 (trisomy 21)`, `-7 (monosomy 7)`, `XXY (sex chromosomes)`. */
export function findingName(finding: NumericalFinding): string {
  const label = finding.label.replaceAll('\u2212', '-');
  const [type] = finding.types;
  if (finding.types.length > 1 || type === undefined) {
    return label === 'X' ? 'X (45,X: one X, no Y)' : `${label} (sex chromosomes)`;
  }
  const change = label.split(',').length * (label.startsWith('+') ? 1 : -1);
  const somy = SOMY[2 + change];
  return somy === undefined ? label : `${label} (${somy} ${type})`;
}

/**
 * When the cells' counts disagree, each count with the cells showing it, most frequent first, e.g.
 * `47,XY,+21 in 2 of 4 cells; 46,XY in 2 of 4 cells`; null when every counted cell reads the same. A
 * single odd cell may be a miscount (a chromosome lost to a cut-out) rather than a second cell line.
 */
export function mosaicText(summary: Pick<CaseSummary, 'types'>): string | null {
  const cells = countedCells(summary);
  const lines = new Map<string, number>();
  for (const k of cells) {
    const formula = cellFormula(summary, k);
    lines.set(formula, (lines.get(formula) ?? 0) + 1);
  }
  if (lines.size < 2) return null;
  return [...lines]
    .sort((a, b) => b[1] - a[1])
    .map(([formula, count]) => `${formula} ${inCells(count, cells.length)}`)
    .join('; ');
}

/** Chromosomes per cell: `46 in all 4 cells`, or each cell's count when they differ. */
function chromosomeCounts(summary: Pick<CaseSummary, 'cells'>): string {
  const counts = summary.cells.map((c) => c.chromosomes);
  if (counts.length > 0 && counts.every((c) => c === counts[0])) {
    return `${String(counts[0])} ${inCells(counts.length, counts.length)}`;
  }
  return summary.cells.map((c) => `${c.id} ${String(c.chromosomes)}`).join(', ');
}

/**
 * The report's case summary, one labelled line each: the cells, chromosomes per cell, numerical
 * findings, mosaicism, structural flags and unreliable types, so that a lab reads the whole result before
 * the per-type table. A refused input (no readable cell) says so and why, and nothing else.
 */
export function caseSummaryLines(summary: CaseSummary): SummaryLine[] {
  const refused = refusalReason(summary);
  if (refused !== null) {
    return [
      {
        label: 'Refused',
        text: `no cell of this input could be read, so it has no verdicts: ${refused}`,
      },
    ];
  }
  const excluded = summary.cells.filter((c) => c.excluded).length;
  const scored = scoredCellCount(summary);
  const fewCells = fewCellsText(scored);
  const numerical = numericalFindings(summary.types);
  const mosaic = mosaicText(summary);
  const flagged = summary.types.filter((t) => t.abnormal === true);
  const unreliable = summary.types.filter((t) => (t.unreliable ?? null) !== null);
  const counted = countedCells(summary);
  const [firstCounted] = counted;
  const formula = firstCounted !== undefined && mosaic === null ? cellFormula(summary, firstCounted) : null;
  return [
    ...(summary.karyotype ? [{ label: 'Synthetic karyotype', text: summary.karyotype }] : []),
    {
      label: 'Cells',
      text: `${String(summary.cells.length)}: ${String(scored)} scored, ${String(excluded)} excluded${fewCells ? ` (${fewCells})` : ''}`,
    },
    { label: 'Chromosomes per cell', text: chromosomeCounts(summary) },
    {
      label: 'Numerical findings',
      text:
        numerical.length > 0
          ? numerical.map((f) => `${findingName(f)} ${inCells(f.cells, f.of)}`).join(', ')
          : `none${formula ? ` (${formula} ${inCells(counted.length, counted.length)})` : ''}`,
    },
    ...(mosaic ? [{ label: 'Mosaic', text: `cells disagree: ${mosaic}` }] : []),
    {
      label: 'Structural flags',
      text:
        flagged.length > 0
          ? flagged
              .map(
                (t) =>
                  `${t.type}${t.region ? ` (${t.region.bands})` : ''}, score ${t.score?.toFixed(2) ?? '-'}`,
              )
              .join('; ')
          : 'none',
    },
    ...(calibrationText(summary.scoreShift) !== null
      ? [{ label: 'Scores calibrated', text: calibrationText(summary.scoreShift) ?? '' }]
      : []),
    {
      label: 'Unreliable',
      text:
        unreliable.length > 0
          ? unreliable.map((t) => `${t.type} (${t.unreliable ?? ''})`).join(', ') +
            ': no verdict, every pair doubtful'
          : 'none',
    },
  ];
}
