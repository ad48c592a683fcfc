import type {
  ArtificialChange,
  ArtificialKind,
  SegmentLengthRange,
} from '../../karyotype/artificial-changes';
import {
  ARTIFICIAL_KINDS,
  STANDARD_SEGMENTS,
  SUBTLE_SEGMENTS,
  applyArtificialChange,
  drawArtificialChange,
  needsDonor,
} from '../../karyotype/artificial-changes';
import type { SizedProfile } from '../../karyotype/true-profile';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { LENGTH_GROUPS, lengthGroupOf } from '../../shared/chromosome-types';
import type { Random } from '../../shared/random';
import type { BagInput, PairInput } from '../inputs';
import { augmentChromosome, drawCellLook } from './augment';
import type { DatasetCase, DatasetCell, DatasetChromosome } from './dataset';
import { pairOf } from './dataset';
import { singleChromosomePair } from './single-chromosome';
import type { LabelledBag } from './train-step';

/** What made a sampled bag abnormal (for per-kind recall): an artificial kind, 'reviewed' for a lab's own label, or 'normal'. */
export type BagKind = 'normal' | ArtificialKind | 'different-type' | 'reviewed';

export interface SampledBag extends LabelledBag {
  readonly kind: BagKind;
  /** 'standard' (12–40 % pieces), 'subtle' (5–10 %), or null for normal and different-type bags. */
  readonly size: 'standard' | 'subtle' | null;
  readonly caseId: string;
}

export interface BagSamplerOptions {
  /** Share of abnormal bags (the paper balances them). */
  readonly abnormalRate: number;
  /** Share of abnormal bags made of two types of one length group (section 3.2). */
  readonly differentTypeRate: number;
  /** Share of artificial changes drawn from SUBTLE_SEGMENTS rather than STANDARD_SEGMENTS. */
  readonly subtleRate: number;
  /** Bags hold 1 … maxBagSize pairs; cases with fewer cells repeat cells as new pictures of them. */
  readonly maxBagSize: number;
  /** Strength of the picture-to-picture variation (0 turns augmentation off). */
  readonly augment: number;
  /** Restrict artificial kinds (all by default). */
  readonly kinds?: readonly ArtificialKind[];
  /** "w/o Pair" ablation: each cell contributes one homolog, chosen at random, fed as both homologs. */
  readonly singleChromosome?: boolean;
  /**
   * Share of artificial changes cut into the chromosome's IMAGE and profiled again (needs a
   * PairImageEditor; without one every change is made on the profiles and this share is not drawn).
   */
  readonly imageChangeRate?: number;
}

/**
 * Cuts an artificial change into one homolog's image and profiles the pair again through the image
 * pipeline, so that training sees what a rearranged chromosome looks like after straightening and
 * sampling rather than only a profile spliced at exact samples.
 */
export interface PairImageEditor {
  /**
   * [kept, changed] profiles of `type` in `cell` of case `caseId` after `change` was cut into the image of
   * copy `changedHomolog`; null when the cell's images are not available (the sampler then edits profiles).
   */
  edit(
    caseId: string,
    cell: DatasetCell,
    type: ChromosomeType,
    changedHomolog: number,
    change: ArtificialChange,
    random: Random,
  ): [SizedProfile, SizedProfile] | null;
}

export const DEFAULT_SAMPLER: BagSamplerOptions = {
  abnormalRate: 0.5,
  differentTypeRate: 0.12,
  subtleRate: 0.5,
  maxBagSize: 5,
  augment: 1,
  imageChangeRate: 1,
};

const sized = (c: DatasetChromosome): SizedProfile => ({ profile: c.profile, length: c.samples });

/** Types with a complete pair in at least one cell of the case. */
function pairedTypes(c: DatasetCase): ChromosomeType[] {
  const types = new Set<ChromosomeType>();
  for (const cell of c.cells)
    for (const ch of cell.chromosomes) if (pairOf(cell, ch.type)) types.add(ch.type);
  return [...types];
}

function chooseCells(
  cells: readonly DatasetCell[],
  m: number,
  random: Random,
): { cell: DatasetCell; repeat: boolean }[] {
  const order = [...cells].sort(() => random.next() - 0.5);
  return Array.from({ length: m }, (_, i) => ({
    cell: order[i % order.length] ?? (order[0] as DatasetCell),
    repeat: i >= order.length,
  }));
}

/** A chromosome of another type of the same cell, to donate a piece. */
function donorFrom(cell: DatasetCell, type: ChromosomeType, random: Random): SizedProfile {
  const others = cell.chromosomes.filter((c) => c.type !== type);
  return sized(random.pick(others.length > 0 ? others : cell.chromosomes));
}

/**
 * One labelled bag from a random case: a type with complete pairs, m cells, and for abnormal bags the
 * same change (same relative breakpoints) on one homolog of every pair, as in a constitutional carrier.
 * With an `editor`, a share `imageChangeRate` of the changes is cut into the images instead.
 */
export function sampleBag(
  cases: readonly DatasetCase[],
  random: Random,
  options: BagSamplerOptions,
  editor?: PairImageEditor,
): SampledBag {
  for (;;) {
    const patient = random.pick(cases);
    const types = pairedTypes(patient);
    if (types.length === 0) continue;
    const type = random.pick(types);
    const withPair = patient.cells.filter((cell) => pairOf(cell, type));
    const m = random.int(1, options.maxBagSize);
    const chosen = chooseCells(withPair, m, random);
    const abnormal = random.next() < options.abnormalRate;
    const homolog = random.int(0, 1);
    let kind: BagKind = 'normal';
    let size: SampledBag['size'] = null;
    let partner: ChromosomeType | undefined;
    if (abnormal && random.next() < options.differentTypeRate) {
      const group: readonly ChromosomeType[] = LENGTH_GROUPS[lengthGroupOf(type)];
      const candidates = group.filter(
        (t) => t !== type && chosen.every(({ cell }) => cell.chromosomes.some((c) => c.type === t)),
      );
      if (candidates.length > 0) {
        partner = random.pick(candidates);
        kind = 'different-type';
      }
    }
    const range: SegmentLengthRange =
      random.next() < options.subtleRate ? SUBTLE_SEGMENTS : STANDARD_SEGMENTS;
    const change =
      abnormal && kind === 'normal'
        ? drawArtificialChange(random.pick(options.kinds ?? ARTIFICIAL_KINDS), random, range)
        : null;
    // Drawn only with an editor, so that bags made without one stay identical for a given seed.
    const onImages =
      change !== null && editor !== undefined && random.next() < (options.imageChangeRate ?? 0);
    if (change) {
      kind = change.kind;
      size = change.kind === 'robertsonian' ? null : range === SUBTLE_SEGMENTS ? 'subtle' : 'standard';
    }
    const pairs: PairInput[] = chosen.map(({ cell, repeat }) => {
      const pair = pairOf(cell, type);
      if (!pair) throw new Error('unreachable: cell chosen without a pair');
      const [kept, target] = homolog === 0 ? [pair[1], pair[0]] : [pair[0], pair[1]];
      let profiles: [SizedProfile, SizedProfile] = [sized(kept), sized(target)];
      const edited = onImages ? editor.edit(patient.id, cell, type, homolog, change, random) : null;
      if (partner) {
        profiles = [sized(kept), sized(random.pick(cell.chromosomes.filter((c) => c.type === partner)))];
      } else if (edited) {
        profiles = edited;
      } else if (change) {
        const donor = needsDonor(change.kind) ? donorFrom(cell, type, random) : undefined;
        profiles = [sized(kept), applyArtificialChange(sized(target), change, donor)];
      }
      if (options.augment > 0) {
        const look = drawCellLook(random, options.augment * (repeat ? 1.5 : 1));
        const settings = { stretch: 0.02 * options.augment, noise: 0.01 * options.augment };
        profiles = [
          augmentChromosome(profiles[0], look, random, settings),
          augmentChromosome(profiles[1], look, random, settings),
        ];
      }
      if (random.next() < 0.5) profiles = [profiles[1], profiles[0]];
      const input: PairInput = {
        homologs: [profiles[0].profile, profiles[1].profile],
        bandLevel: cell.bandLevel,
      };
      // Drawn only in the ablation, so that default bags stay identical for a given seed.
      return options.singleChromosome ? singleChromosomePair(input, random) : input;
    });
    const bag: BagInput = { type, pairs };
    return { bag, label: abnormal ? 1 : 0, kind, size, caseId: patient.id };
  }
}
