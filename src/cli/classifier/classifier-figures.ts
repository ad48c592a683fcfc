import { assignCellTypes } from '../../karyotype/cell-type-assignment';
import { CHROMOSOME_TYPES, chromosomeTypeIndex } from '../../shared/chromosome-types';

/** One cell's annotated types (type indices) and the classifier's probabilities for each chromosome. */
export interface ScoredCell {
  readonly types: readonly number[];
  /** Chromosomes whose cut-out or centre line is doubtful. */
  readonly doubtful: readonly boolean[];
  readonly probabilities: readonly Float32Array[];
}

/** How well types were told, over the chromosomes of some cells. */
export interface ClassifierFigures {
  readonly cells: number;
  readonly chromosomes: number;
  /** Share of chromosomes whose most likely type is the annotated one. */
  readonly firstChoiceAccuracy: number;
  /** The same after the cell's assignment (assignCellTypes). */
  readonly assignedAccuracy: number;
  /** Over chromosomes that stand free with a sound centre line only. */
  readonly cleanFirstChoiceAccuracy: number;
  readonly cleanAssignedAccuracy: number;
  readonly cleanChromosomes: number;
  /** Share of cells whose assigned copies per type equal the annotation's, every type. */
  readonly exactCountCells: number;
  /** Share of cells whose sex complement (XX or XY) is read as annotated. */
  readonly sexRight: number;
  /** Assigned accuracy per type (karyogram order), NaN for a type with no chromosome. */
  readonly byType: readonly number[];
  /** The most frequent confusions after assignment: annotated type, assigned type, count. */
  readonly confusions: readonly {
    readonly truth: string;
    readonly assigned: string;
    readonly count: number;
  }[];
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

function countsOf(types: readonly number[]): string {
  const counts = new Array<number>(CHROMOSOME_TYPES.length).fill(0);
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts.join(',');
}

const share = (hits: number, total: number): number => (total > 0 ? hits / total : NaN);

/** Accuracy before and after the per-cell assignment, exact-count cells, per type and confusions. */
export function classifierFigures(cells: readonly ScoredCell[], extraCopyCost?: number): ClassifierFigures {
  let chromosomes = 0;
  let first = 0;
  let assignedHits = 0;
  let clean = 0;
  let cleanFirst = 0;
  let cleanAssigned = 0;
  let exact = 0;
  let sexRight = 0;
  const typeTotals = new Array<number>(CHROMOSOME_TYPES.length).fill(0);
  const typeHits = new Array<number>(CHROMOSOME_TYPES.length).fill(0);
  const confusions = new Map<string, number>();
  const y = chromosomeTypeIndex('Y');
  for (const cell of cells) {
    const assignment = assignCellTypes(cell.probabilities, extraCopyCost);
    const assigned = assignment.chromosomes.map((c) => chromosomeTypeIndex(c.type));
    cell.types.forEach((truth, i) => {
      const p = cell.probabilities[i] ?? new Float32Array(0);
      const firstHit = argmax(p) === truth;
      const hit = assigned[i] === truth;
      chromosomes++;
      if (firstHit) first++;
      if (hit) assignedHits++;
      if (!cell.doubtful[i]) {
        clean++;
        if (firstHit) cleanFirst++;
        if (hit) cleanAssigned++;
      }
      typeTotals[truth] = (typeTotals[truth] ?? 0) + 1;
      if (hit) typeHits[truth] = (typeHits[truth] ?? 0) + 1;
      else {
        const key = `${CHROMOSOME_TYPES[truth] ?? '?'}→${CHROMOSOME_TYPES[assigned[i] ?? 0] ?? '?'}`;
        confusions.set(key, (confusions.get(key) ?? 0) + 1);
      }
    });
    if (countsOf(assigned) === countsOf(cell.types)) exact++;
    if ((assignment.sex === 'XY') === cell.types.includes(y)) sexRight++;
  }
  return {
    cells: cells.length,
    chromosomes,
    firstChoiceAccuracy: share(first, chromosomes),
    assignedAccuracy: share(assignedHits, chromosomes),
    cleanFirstChoiceAccuracy: share(cleanFirst, clean),
    cleanAssignedAccuracy: share(cleanAssigned, clean),
    cleanChromosomes: clean,
    exactCountCells: share(exact, cells.length),
    sexRight: share(sexRight, cells.length),
    byType: typeTotals.map((total, t) => share(typeHits[t] ?? 0, total)),
    confusions: [...confusions]
      .map(([key, count]) => {
        const [truth = '', assigned = ''] = key.split('→');
        return { truth, assigned, count };
      })
      .sort((a, b) => b.count - a.count)
      .slice(0, 10),
  };
}
