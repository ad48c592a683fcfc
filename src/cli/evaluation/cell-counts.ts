import type { ScoredExample } from '../../model/eval/metrics';
import { f1AtThreshold, rocAuc } from '../../model/eval/metrics';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { DatasetCase } from '../../model/train/dataset';
import type { Random } from '../../shared/random';
import type { ScoredSet } from './report';
import type { CaseCrops } from '../../model/train/crop-cells';
import type { ChangeSize } from './image-level-sets';
import { pooledImageBag } from './image-level-sets';

/** Cells per bag of the pooled sets: pki3's own 1–2, and what a laboratory karyotypes (5 or more). */
export const POOLED_CELL_COUNTS = [1, 2, 3, 5] as const;

/** Bags of each size joined from cells of different validation cases (see pooledImageBag). */
export interface PooledSet {
  readonly cells: number;
  readonly size: ChangeSize;
  readonly bags: readonly SampledBag[];
}

/** The pooled sets, `perSet` bags each (half abnormal), changes cut along the crops' rows. */
export function pooledSets(
  validation: readonly DatasetCase[],
  crops: CaseCrops,
  random: Random,
  perSet: number,
): PooledSet[] {
  return POOLED_CELL_COUNTS.flatMap((cells) =>
    (['standard', 'subtle'] as const).map((size) => ({
      cells,
      size,
      bags: Array.from({ length: perSet }, (_, i) =>
        pooledImageBag(validation, crops, random, i % 2 === 1, size, cells),
      ),
    })),
  );
}

/** AUC and F1 at the threshold, both in [0, 1]; null when a set lacks a class. */
export type AucF1 = { readonly auc: number; readonly f1: number } | null;

/** A set's bags by class. */
export interface BagCounts {
  readonly abnormal: number;
  readonly normal: number;
}

/** "What more cells buy": HomNet's figures by cells per bag. */
export interface CellCountFigures {
  /** Bags per pooled set. */
  readonly bagsPerSet: number;
  /** One row per POOLED_CELL_COUNTS entry: bags joined from cells of different validation cases. */
  readonly pooled: readonly { readonly cells: number; readonly standard: AucF1; readonly subtle: AucF1 }[];
  /** The image sets split by how many cells the bag's own case gave, fewest first. */
  readonly own: readonly {
    readonly cells: number;
    readonly standard: AucF1;
    readonly subtle: AucF1;
    readonly standardBags: BagCounts;
    readonly subtleBags: BagCounts;
  }[];
}

function aucF1(scored: readonly ScoredExample[], threshold: number): AucF1 {
  const abnormal = scored.filter((s) => s.abnormal).length;
  if (abnormal === 0 || abnormal === scored.length) return null;
  return { auc: rocAuc(scored), f1: f1AtThreshold(scored, threshold).f1 };
}

function bagCounts(scored: readonly ScoredExample[]): BagCounts {
  const abnormal = scored.filter((s) => s.abnormal).length;
  return { abnormal, normal: scored.length - abnormal };
}

/**
 * HomNet on bags of 1, 2, 3 and 5 cells joined from different validation cases, then the image sets
 * split by how many cells their own case gave. `pooledScores` holds one score list per entry of
 * `pooled`, in order.
 */
export function cellCountFigures(
  pooled: readonly PooledSet[],
  pooledScores: readonly (readonly ScoredExample[])[],
  imageSets: readonly ScoredSet[],
  threshold: number,
): CellCountFigures {
  const scoresOf = (cells: number, size: ChangeSize): readonly ScoredExample[] =>
    pooledScores[pooled.findIndex((p) => p.cells === cells && p.size === size)] ?? [];
  const ownCounts = [...new Set(imageSets.flatMap((s) => s.bags.map((b) => b.bag.pairs.length)))].sort(
    (a, b) => a - b,
  );
  const ownScores = (set: ScoredSet | undefined, cells: number): ScoredExample[] =>
    set?.scores.filter((_, i) => set.bags[i]?.bag.pairs.length === cells) ?? [];
  const standardSet = imageSets.find((s) => s.name.endsWith('standard'));
  const subtleSet = imageSets.find((s) => s.name.endsWith('subtle'));
  return {
    bagsPerSet: pooled[0]?.bags.length ?? 0,
    pooled: POOLED_CELL_COUNTS.map((cells) => ({
      cells,
      standard: aucF1(scoresOf(cells, 'standard'), threshold),
      subtle: aucF1(scoresOf(cells, 'subtle'), threshold),
    })),
    own: ownCounts.map((cells) => ({
      cells,
      standard: aucF1(ownScores(standardSet, cells), threshold),
      subtle: aucF1(ownScores(subtleSet, cells), threshold),
      standardBags: bagCounts(ownScores(standardSet, cells)),
      subtleBags: bagCounts(ownScores(subtleSet, cells)),
    })),
  };
}

const pct = (v: number): string => (100 * v).toFixed(2);

/** AUC and F1 in %, two table cells (– when a class is missing). */
const figuresCells = (f: AucF1): string => (f === null ? '– | –' : `${pct(f.auc)} | ${pct(f.f1)}`);

/** "abnormal/normal" bags. */
const counts = (c: BagCounts): string => `${String(c.abnormal)}/${String(c.normal)}`;

/** The "What more cells buy" section of docs/evaluation.md. */
export function renderCellCounts(figures: CellCountFigures): string[] {
  return [
    '## What more cells buy',
    '',
    "A case's verdict pools its cells (BagBlock). The pki3 cases hold 1–2 cells; a laboratory karyotypes 5 or",
    `more. Here each bag joins one cell from each of n different validation cases (the same change in every`,
    `cell, cut along the rows; ${String(figures.bagsPerSet)} bags per cell count, half abnormal). Optimistic for normal bags: a heteromorphism`,
    'that one patient carries in every cell does not recur in cells of other patients. AUC and F1 at the',
    'threshold in %.',
    '',
    '| Cells per bag | standard AUC | standard F1 | subtle AUC | subtle F1 |',
    '|---:|---:|---:|---:|---:|',
    ...figures.pooled.map(
      (row) => `| ${String(row.cells)} | ${figuresCells(row.standard)} | ${figuresCells(row.subtle)} |`,
    ),
    '',
    "The image sets above (rows), split by how many cells the bag's own case gave:",
    '',
    '| Cells in the case | standard AUC | standard F1 | subtle AUC | subtle F1 | bags, standard (abnormal/normal) | bags, subtle |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.own.map(
      (row) =>
        `| ${String(row.cells)} | ${figuresCells(row.standard)} | ${figuresCells(row.subtle)} | ${counts(row.standardBags)} | ${counts(row.subtleBags)} |`,
    ),
    '',
  ];
}
