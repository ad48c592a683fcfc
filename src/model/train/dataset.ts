import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { Random } from '../../shared/random';

/** A profiled chromosome of a training case. */
export interface DatasetChromosome {
  readonly type: ChromosomeType;
  readonly homolog: number;
  /** Samples before the zero padding (relative length at the cell's common scale). */
  readonly samples: number;
  /** 2 × 512 darkness. */
  readonly profile: Float32Array;
}

export interface DatasetCell {
  readonly id: string;
  readonly bandLevel: BandLevel;
  readonly chromosomes: readonly DatasetChromosome[];
}

/** One patient: never split across training and validation. */
export interface DatasetCase {
  readonly id: string;
  readonly cells: readonly DatasetCell[];
}

/**
 * Case-level split: a seeded shuffle of case ids, the first `validationFraction` of them held out.
 * Cells of one case always stay together (the paper splits by patient).
 */
export function splitByCase<C extends { readonly id: string } = DatasetCase>(
  cases: readonly C[],
  validationFraction: number,
  random: Random,
): { training: C[]; validation: C[] } {
  const ids = cases.map((c) => c.id).sort();
  for (let i = ids.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    const a = ids[i] ?? '';
    ids[i] = ids[j] ?? '';
    ids[j] = a;
  }
  const held = new Set(ids.slice(0, Math.round(ids.length * validationFraction)));
  return {
    training: cases.filter((c) => !held.has(c.id)),
    validation: cases.filter((c) => held.has(c.id)),
  };
}

/** The two homologs (copies 0 and 1) of `type` in a cell, when both are there. */
export function pairOf(
  cell: DatasetCell,
  type: ChromosomeType,
): [DatasetChromosome, DatasetChromosome] | null {
  const copies = cell.chromosomes.filter((c) => c.type === type && c.homolog <= 1);
  const first = copies.find((c) => c.homolog === 0);
  const second = copies.find((c) => c.homolog === 1);
  return first && second ? [first, second] : null;
}
