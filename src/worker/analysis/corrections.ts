import type { ChromosomeType } from '../../shared/chromosome-types';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { CaseChromosome } from '../../pipeline/profiles/profiled-case';
import { reversedAxisPicture } from '../../imaging/profile/axis-picture';
import {
  reversedManualCentreLine,
  withCentreLineUndone,
  withManualCentreLine,
} from '../../pipeline/profiles/manual-centre-line';
import { joinChromosomes, splitChromosome } from '../../pipeline/profiles/object-edits';
import { typedRemadeObjects } from '../../pipeline/profiles/typed-remade-objects';
import type { TypeClassifier } from '../../pipeline/profiles/arranged-metaphase-cell';
import type { Point } from '../../imaging/segment/mask';
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

function cellChromosomes(stored: StoredCase, cellId: string): readonly CaseChromosome[] {
  const cell = stored.profiled.cells.find((c) => c.id === cellId);
  if (cell === undefined) throw new Error(`no cell ${cellId}`);
  return cell.chromosomes;
}

function editCell(
  stored: StoredCase,
  cellId: string,
  edit: (chromosomes: readonly CaseChromosome[]) => CaseChromosome[],
): void {
  cellChromosomes(stored, cellId);
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

/** The chromosome a reference names in its cell, or an error naming it. */
function named(chromosomes: readonly CaseChromosome[], ref: ChromosomeRef): CaseChromosome {
  const found = chromosomes.find(isRef(ref));
  if (found === undefined)
    throw new Error(`cell ${ref.cell} has no ${ref.type} homolog ${String(ref.homolog + 1)}`);
  return found;
}

const distinctTypes = (types: readonly ChromosomeType[]): ChromosomeType[] => [...new Set(types)];

/** What corrections that make new objects need besides the case: the classifier that types them. */
export interface CorrectionContext {
  /** Types the objects a split or join makes; without it they keep the reviewer's chromosome's type. */
  readonly classifier?: TypeClassifier;
}

/** Parts a chromosome in two along the reviewer's cut; both parts straightened and typed again. */
async function split(
  stored: StoredCase,
  ref: ChromosomeRef,
  cut: readonly Point[],
  context: CorrectionContext,
): Promise<ChromosomeType[]> {
  const chromosomes = cellChromosomes(stored, ref.cell);
  const target = named(chromosomes, ref);
  const parts = splitChromosome(target, cut);
  const others = chromosomes.filter((c) => c !== target);
  const typed = await typedRemadeObjects(others, parts, {
    ...(context.classifier ? { classifier: context.classifier } : {}),
    fallback: [ref.type, ref.type],
    edit: 'a split',
  });
  editCell(stored, ref.cell, () => [...others, ...typed]);
  return distinctTypes([ref.type, ...typed.map((c) => c.type)]);
}

/** Makes two chromosomes of one cell one, straightened and typed again. */
async function join(
  stored: StoredCase,
  refs: readonly [ChromosomeRef, ChromosomeRef],
  context: CorrectionContext,
): Promise<ChromosomeType[]> {
  const [first, second] = refs;
  if (first.cell !== second.cell) throw new Error('only chromosomes of one cell can be joined');
  if (first.type === second.type && first.homolog === second.homolog)
    throw new Error('a chromosome cannot be joined with itself');
  const chromosomes = cellChromosomes(stored, first.cell);
  const a = named(chromosomes, first);
  const b = named(chromosomes, second);
  const joined = joinChromosomes(a, b);
  const others = chromosomes.filter((c) => c !== a && c !== b);
  const typed = await typedRemadeObjects(others, [joined], {
    ...(context.classifier ? { classifier: context.classifier } : {}),
    fallback: [first.type],
    edit: 'a join',
  });
  editCell(stored, first.cell, () => [...others, ...typed]);
  return distinctTypes([first.type, second.type, ...typed.map((c) => c.type)]);
}

/**
 * Applies a correction to the stored case and says which types must be scored again ('all' when a
 * whole cell changed). The case is left as it was when the correction is refused (an error saying why).
 */
export async function applyCorrection(
  stored: StoredCase,
  correction: Correction,
  context: CorrectionContext = {},
): Promise<ChromosomeType[] | 'all'> {
  switch (correction.kind) {
    case 'split':
      return split(stored, correction.chromosome, correction.cut, context);
    case 'join':
      return join(stored, correction.chromosomes, context);
    case 'move': {
      const { chromosome: ref, to } = correction;
      // The reviewer's type is sure: a doubt about the classifier's goes (moved to its own type, confirmed).
      const moved = (c: CaseChromosome): CaseChromosome => {
        const { typeDoubt: _doubt, ...rest } = c;
        return { ...rest, type: to, homolog: Number.MAX_SAFE_INTEGER, confidence: 1 };
      };
      editCell(stored, ref.cell, (chromosomes) => chromosomes.map((c) => (isRef(ref)(c) ? moved(c) : c)));
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
