import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { CHROMOSOME_TYPES, chromosomeTypeIndex } from '../shared/chromosome-types';
import type { Random } from '../shared/random';
import type { DerivativeChromosome } from './derivative-types';
import { isNormal, normalChromosome } from './derivative-types';
import { applyRearrangement } from './derivatives';
import { shuffled } from './shuffle';
import type { Karyotype } from './karyotype-types';
import { isNumerical } from './karyotype-types';

/** One chromosome of a cell in its karyogram slot. */
export interface CellChromosome {
  /** Karyogram slot (the type a normal chromosome has; a derivative's placement). */
  readonly type: ChromosomeType;
  /** Position among the chromosomes of its slot, left to right: 0, 1, or 2 for a third copy. */
  readonly homolog: number;
  readonly chromosome: DerivativeChromosome;
}

/**
 * The chromosomes of one cell with karyotype `karyotype` at `level`, in karyogram order. Within a slot
 * the left/right order is drawn from `random` (in real karyograms the abnormal homolog is on either side).
 * @throws Error when a change needs a normal chromosome the cell no longer has (e.g. -21 twice, then +21
 *   is fine but a third -21 is not).
 */
export function cellChromosomes(karyotype: Karyotype, level: BandLevel, random: Random): CellChromosome[] {
  const pool: DerivativeChromosome[] = [];
  for (const type of CHROMOSOME_TYPES.slice(0, 22)) pool.push(normalChromosome(type), normalChromosome(type));
  for (const sex of karyotype.sexChromosomes) pool.push(normalChromosome(sex));
  const takeNormal = (type: ChromosomeType, why: string): void => {
    const index = pool.findLastIndex((c) => c.placement === type && isNormal(c));
    if (index < 0) throw new Error(`${karyotype.text}: no normal chromosome ${type} left for ${why}`);
    pool.splice(index, 1);
  };
  for (const change of karyotype.changes) {
    if (isNumerical(change)) {
      if (change.kind === 'gain') pool.push(normalChromosome(change.type));
      else takeNormal(change.type, `-${change.type}`);
    } else {
      const result = applyRearrangement(change, level);
      for (const type of result.consumes) takeNormal(type, change.text);
      pool.push(...result.produces);
    }
  }
  const out: CellChromosome[] = [];
  for (const type of CHROMOSOME_TYPES) {
    const inSlot = shuffled(
      pool.filter((c) => c.placement === type),
      random,
    );
    inSlot.forEach((chromosome, homolog) => out.push({ type, homolog, chromosome }));
  }
  return out.sort(
    (x, y) => chromosomeTypeIndex(x.type) - chromosomeTypeIndex(y.type) || x.homolog - y.homolog,
  );
}
