import type { ChromosomeType } from '../../shared/chromosome-types';
import type { LocatedChromosome, SlotMethod } from './karyogram-layout';
import type { Piece } from './piece';
import { RELATIVE_LENGTH } from './relative-length';
import { upperMedian } from '../../shared/statistics';

/** The pieces assigned to one slot (one chromosome type) of a karyogram. */
export interface SlotContent {
  readonly type: ChromosomeType;
  pieces: Piece[];
  /** Row index, −1 when unknown (an empty slot in a non-standard layout). */
  readonly row: number;
  readonly slot: number;
  readonly method: SlotMethod;
}

/** How much each method of finding slots is trusted before other evidence. */
const METHOD_TRUST: Readonly<Record<SlotMethod, number>> = { baselines: 0.97, labels: 0.93, gaps: 0.85 };

/**
 * Pixels of length per unit of relative length, from the slots holding a normal pair (their pieces are
 * most likely single chromosomes of the slot's type). Null when there are none.
 */
export function estimateLengthScale(slots: readonly SlotContent[], chromosomeWidth: number): number | null {
  const ratios: number[] = [];
  for (const slot of slots) {
    if (slot.pieces.length !== 2) continue;
    for (const p of slot.pieces)
      ratios.push(p.area / Math.max(1, chromosomeWidth) / RELATIVE_LENGTH[slot.type]);
  }
  return ratios.length === 0 ? null : upperMedian(ratios);
}

/** The normal number of chromosomes of a type: 2, or for X and Y 1–2 and 0–1 (by sex). */
function isUsualCount(type: ChromosomeType, count: number): boolean {
  if (type === 'X') return count === 1 || count === 2;
  if (type === 'Y') return count <= 1;
  return count === 2;
}

/**
 * Turns slot contents into located chromosomes (homologs numbered left to right) with a confidence from
 * the slot method, how well the size fits the type, and whether the piece had to be cut or joined;
 * unusual counts lower it and are listed in `warnings`.
 */
export function buildChromosomes(
  slots: readonly SlotContent[],
  chromosomeWidth: number,
  warnings: string[],
): LocatedChromosome[] {
  const scale = estimateLengthScale(slots, chromosomeWidth);
  const chromosomes: LocatedChromosome[] = [];
  for (const slot of slots) {
    const count = slot.pieces.length;
    const usual = isUsualCount(slot.type, count);
    if (!usual) warnings.push(`type ${slot.type}: ${count} chromosome(s) found`);
    const ordered = [...slot.pieces].sort((a, b) => a.centroidX - b.centroidX);
    ordered.forEach((piece, homolog) => {
      let confidence = METHOD_TRUST[slot.method];
      if (scale !== null) {
        const ratio = piece.area / Math.max(1, chromosomeWidth) / (scale * RELATIVE_LENGTH[slot.type]);
        confidence *= Math.exp(-1.5 * Math.max(0, Math.abs(Math.log(ratio)) - 0.25));
      }
      if (piece.split) confidence *= 0.8;
      if (piece.parts > 1) confidence *= 0.9;
      if (!usual) confidence *= 0.85;
      chromosomes.push({
        type: slot.type,
        homolog,
        box: piece.box,
        mask: piece.mask,
        area: piece.area,
        confidence: Math.min(1, Math.max(0, confidence)),
        row: slot.row,
        slot: slot.slot,
        split: piece.split,
        parts: piece.parts,
      });
    });
  }
  return chromosomes;
}
