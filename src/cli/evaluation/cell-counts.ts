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

const pct = (v: number): string => (100 * v).toFixed(2);

/** AUC and F1 at the threshold, two table cells (– when a class is missing). */
function figuresCells(scored: readonly ScoredExample[], threshold: number): string {
  const abnormal = scored.filter((s) => s.abnormal).length;
  if (abnormal === 0 || abnormal === scored.length) return '– | –';
  return `${pct(rocAuc(scored))} | ${pct(f1AtThreshold(scored, threshold).f1)}`;
}

/** "abnormal/normal" bags of a score list. */
function counts(scored: readonly ScoredExample[]): string {
  const abnormal = scored.filter((s) => s.abnormal).length;
  return `${String(abnormal)}/${String(scored.length - abnormal)}`;
}

/**
 * "What more cells buy": HomNet on bags of 1, 2, 3 and 5 cells joined from different validation cases,
 * then the image sets split by how many cells their own case gave. `pooledScores` holds one score list
 * per entry of `pooled`, in order.
 */
export function cellCountSection(
  pooled: readonly PooledSet[],
  pooledScores: readonly (readonly ScoredExample[])[],
  imageSets: readonly ScoredSet[],
  threshold: number,
): string[] {
  const scoresOf = (cells: number, size: ChangeSize): readonly ScoredExample[] =>
    pooledScores[pooled.findIndex((p) => p.cells === cells && p.size === size)] ?? [];
  const perSet = pooled[0]?.bags.length ?? 0;
  const ownCounts = [...new Set(imageSets.flatMap((s) => s.bags.map((b) => b.bag.pairs.length)))].sort(
    (a, b) => a - b,
  );
  const ownScores = (set: ScoredSet | undefined, cells: number): ScoredExample[] =>
    set?.scores.filter((_, i) => set.bags[i]?.bag.pairs.length === cells) ?? [];
  const standardSet = imageSets.find((s) => s.name.endsWith('standard'));
  const subtleSet = imageSets.find((s) => s.name.endsWith('subtle'));
  return [
    '## What more cells buy',
    '',
    "A case's verdict pools its cells (BagBlock). The pki3 cases hold 1–2 cells; a laboratory karyotypes 5 or",
    `more. Here each bag joins one cell from each of n different validation cases (the same change in every`,
    `cell, cut along the rows; ${String(perSet)} bags per cell count, half abnormal). Optimistic for normal bags: a heteromorphism`,
    'that one patient carries in every cell does not recur in cells of other patients. AUC and F1 at the',
    'threshold in %.',
    '',
    '| Cells per bag | standard AUC | standard F1 | subtle AUC | subtle F1 |',
    '|---:|---:|---:|---:|---:|',
    ...POOLED_CELL_COUNTS.map(
      (cells) =>
        `| ${String(cells)} | ${figuresCells(scoresOf(cells, 'standard'), threshold)} | ${figuresCells(scoresOf(cells, 'subtle'), threshold)} |`,
    ),
    '',
    "The image sets above (rows), split by how many cells the bag's own case gave:",
    '',
    '| Cells in the case | standard AUC | standard F1 | subtle AUC | subtle F1 | bags, standard (abnormal/normal) | bags, subtle |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...ownCounts.map(
      (cells) =>
        `| ${String(cells)} | ${figuresCells(ownScores(standardSet, cells), threshold)} | ${figuresCells(ownScores(subtleSet, cells), threshold)} | ${counts(ownScores(standardSet, cells))} | ${counts(ownScores(subtleSet, cells))} |`,
    ),
    '',
  ];
}
