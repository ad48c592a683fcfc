import type { ChromosomeType } from '../../shared/chromosome-types';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { reversedAxisPicture } from '../../imaging/profile/axis-picture';
import {
  reversedManualCentreLine,
  withCentreLineUndone,
  withManualCentreLine,
} from '../../pipeline/profiles/manual-centre-line';
import type { ChromosomeRef, Correction } from '../analysis-api';
import type { StoredCase } from './stored-case';

/** Homologs of each type numbered 0, 1, 2… again, keeping their order. */
function renumber(chromosomes: readonly CaseChromosome[]): CaseChromosome[] {
  const next = new Map<ChromosomeType, number>();
  return [...chromosomes]
    .sort((a, b) => a.homolog - b.homolog)
    .map((c) => {
      const homolog = next.get(c.type) ?? 0;
      next.set(c.type, homolog + 1);
      return homolog === c.homolog ? c : { ...c, homolog };
    });
}

function editCell(
  stored: StoredCase,
  cellId: string,
  edit: (chromosomes: readonly CaseChromosome[]) => CaseChromosome[],
): void {
  if (!stored.profiled.cells.some((cell) => cell.id === cellId)) throw new Error(`no cell ${cellId}`);
  stored.profiled = {
    ...stored.profiled,
    cells: stored.profiled.cells.map((cell) =>
      cell.id === cellId ? { ...cell, chromosomes: renumber(edit(cell.chromosomes)) } : cell,
    ),
  };
}

const isRef =
  (ref: ChromosomeRef) =>
  (c: CaseChromosome): boolean =>
    c.type === ref.type && c.homolog === ref.homolog;

/** The chromosome turned by 180°: p-ter and q-ter swap, and so do its left and right halves. */
export function flipped(chromosome: CaseChromosome): CaseChromosome {
  const { samples, profile, straightened } = chromosome;
  const next = new Float32Array(profile.length);
  for (let row = 0; row < 2; row++) {
    for (let i = 0; i < samples; i++) {
      next[row * PROFILE_LENGTH + i] = profile[(1 - row) * PROFILE_LENGTH + samples - 1 - i] ?? 0;
    }
  }
  const pixels = straightened.pixels.slice().reverse();
  const { axisPicture, manualCentreLine } = chromosome;
  return {
    ...chromosome,
    profile: next,
    straightened: { ...straightened, pixels },
    ...(axisPicture ? { axisPicture: reversedAxisPicture(axisPicture) } : {}),
    ...(manualCentreLine ? { manualCentreLine: reversedManualCentreLine(manualCentreLine) } : {}),
  };
}

/**
 * Applies a correction to the stored case and says which types must be scored again ('all' when a
 * whole cell changed).
 */
export function applyCorrection(stored: StoredCase, correction: Correction): ChromosomeType[] | 'all' {
  switch (correction.kind) {
    case 'move': {
      const { chromosome: ref, to } = correction;
      editCell(stored, ref.cell, (chromosomes) =>
        chromosomes.map((c) => (isRef(ref)(c) ? { ...c, type: to, homolog: 99, confidence: 1 } : c)),
      );
      return ref.type === to ? [to] : [ref.type, to];
    }
    case 'swap':
      editCell(stored, correction.cell, (chromosomes) =>
        chromosomes.map((c) =>
          c.type === correction.type && c.homolog < 2 ? { ...c, homolog: 1 - c.homolog } : c,
        ),
      );
      return [correction.type];
    case 'flip':
      editCell(stored, correction.chromosome.cell, (chromosomes) =>
        chromosomes.map((c) => (isRef(correction.chromosome)(c) ? flipped(c) : c)),
      );
      return [correction.chromosome.type];
    case 'centre-line':
      editCell(stored, correction.chromosome.cell, (chromosomes) =>
        chromosomes.map((c) =>
          isRef(correction.chromosome)(c) ? withManualCentreLine(c, chromosomes, correction.points) : c,
        ),
      );
      return [correction.chromosome.type];
    case 'centre-line-undo':
      editCell(stored, correction.chromosome.cell, (chromosomes) =>
        chromosomes.map((c) => (isRef(correction.chromosome)(c) ? withCentreLineUndone(c, chromosomes) : c)),
      );
      return [correction.chromosome.type];
    case 'exclude-chromosome':
      editCell(stored, correction.chromosome.cell, (chromosomes) =>
        chromosomes.filter((c) => !isRef(correction.chromosome)(c)),
      );
      return [correction.chromosome.type];
    case 'exclude-cell':
      stored.excluded = correction.excluded
        ? [...new Set([...stored.excluded, correction.cell])]
        : stored.excluded.filter((id) => id !== correction.cell);
      return 'all';
    case 'band-level':
      stored.profiled = {
        ...stored.profiled,
        cells: stored.profiled.cells.map((cell) =>
          cell.id === correction.cell
            ? {
                ...cell,
                bandLevel: { ...cell.bandLevel, value: correction.level, confidence: 1, overridden: true },
              }
            : cell,
        ),
      };
      return 'all';
  }
}
