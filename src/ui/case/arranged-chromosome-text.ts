import type { ChromosomeType } from '../../shared/chromosome-types';
import type { KaryogramChromosomeView } from '../../worker/analysis-api';

/** A chromosome as the arranged karyogram names it ("7 homolog 1"). */
export const chromosomeName = (c: { readonly type: ChromosomeType; readonly homolog: number }): string =>
  `${c.type} homolog ${String(c.homolog + 1)}`;

/** Why a chromosome is marked, in words, or null when nothing about it is in doubt. */
export function doubtText(c: KaryogramChromosomeView): string | null {
  const reasons = [
    ...(c.typeDoubt !== undefined ? [`type doubtful: ${c.typeDoubt}`] : []),
    ...(c.cutOutDoubt !== undefined ? [`cut-out doubtful: ${c.cutOutDoubt}`] : []),
  ];
  return reasons.length > 0 ? reasons.join('; ') : null;
}
