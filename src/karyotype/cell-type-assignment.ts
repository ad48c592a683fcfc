import { CHROMOSOME_TYPES, type ChromosomeType } from '../shared/chromosome-types';
import { minCostAssignment } from '../shared/min-cost-assignment';

/**
 * Extra cost (natural log units) of each copy of a type beyond what a normal cell holds: a third
 * chromosome 21 is kept only when the classifier finds it e^3 ≈ 20 times likelier a 21 than anything
 * else that is still free. Numerical changes stay visible; a single misread chromosome does not make one.
 */
export const DEFAULT_EXTRA_COPY_COST = 3;

/** Floor of a probability before its logarithm, so that a type the classifier rules out stays possible. */
const PROBABILITY_FLOOR = 1e-6;

/** The sex chromosomes a cell is read as holding. */
export type SexComplement = 'XX' | 'XY';

/** One chromosome's type after the cell's assignment. */
export interface AssignedType {
  readonly type: ChromosomeType;
  /** The classifier's probability of the assigned type, [0, 1]. */
  readonly confidence: number;
  /** The classifier's own first choice, which the assignment overruled when it differs from `type`. */
  readonly firstChoice: ChromosomeType;
}

/** The types of one cell's chromosomes. */
export interface CellTypeAssignment {
  /** In the order of the probabilities given. */
  readonly chromosomes: readonly AssignedType[];
  readonly sex: SexComplement;
}

/** Copies of each type a normal cell of that sex holds. */
function normalCopies(type: ChromosomeType, sex: SexComplement): number {
  if (type === 'X') return sex === 'XX' ? 2 : 1;
  if (type === 'Y') return sex === 'XX' ? 0 : 1;
  return 2;
}

/** Best assignment of the cell's chromosomes under one sex complement, and its total cost. */
function assignUnder(
  probabilities: readonly Float32Array[],
  sex: SexComplement,
  extraCopyCost: number,
): { columns: Int32Array; slotTypes: number[]; cost: number } {
  const rows = probabilities.length;
  // Enough slots for a tetraploid cell: every type gets its normal copies free, then ones at rising cost.
  const perType = Math.max(4, Math.ceil(rows / CHROMOSOME_TYPES.length) + 2);
  const slotTypes: number[] = [];
  const slotCosts: number[] = [];
  CHROMOSOME_TYPES.forEach((type, t) => {
    const free = normalCopies(type, sex);
    for (let copy = 0; copy < perType; copy++) {
      slotTypes.push(t);
      slotCosts.push(Math.max(0, copy + 1 - free) * extraCopyCost);
    }
  });
  const columns = slotTypes.length;
  const cost = new Float64Array(rows * columns);
  probabilities.forEach((p, row) => {
    for (let c = 0; c < columns; c++)
      cost[row * columns + c] =
        -Math.log(Math.max(PROBABILITY_FLOOR, p[slotTypes[c] ?? 0] ?? 0)) + (slotCosts[c] ?? 0);
  });
  const chosen = minCostAssignment(cost, rows, columns);
  let total = 0;
  chosen.forEach((c, row) => (total += cost[row * columns + c] ?? 0));
  return { columns: chosen, slotTypes, cost: total };
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) > (values[best] ?? 0)) best = i;
  return best;
}

/**
 * The types of a cell's chromosomes, chosen together: each chromosome's classifier probabilities
 * (one value per type in karyogram order) are weighed against what a cell holds (two of each autosome,
 * XX or XY, whichever explains the cell better), so that two chromosomes both read as "most likely 4"
 * end up one 4 and one 5 when the second is also a good 5. A copy beyond the normal number costs
 * `extraCopyCost` more each, so a trisomy with clear evidence is kept, not forced away.
 */
export function assignCellTypes(
  probabilities: readonly Float32Array[],
  extraCopyCost = DEFAULT_EXTRA_COPY_COST,
): CellTypeAssignment {
  const candidates = (['XX', 'XY'] as const).map((sex) => ({
    sex,
    ...assignUnder(probabilities, sex, extraCopyCost),
  }));
  const best = candidates.reduce((a, b) => (b.cost < a.cost ? b : a));
  const chromosomes = probabilities.map((p, row): AssignedType => {
    const t = best.slotTypes[best.columns[row] ?? 0] ?? 0;
    return {
      type: CHROMOSOME_TYPES[t] ?? '1',
      confidence: p[t] ?? 0,
      firstChoice: CHROMOSOME_TYPES[argmax(p)] ?? '1',
    };
  });
  return { chromosomes, sex: best.sex };
}
