import { join } from 'node:path';
import type { ArtificialKind } from '../karyotype/artificial-changes';
import {
  ARTIFICIAL_KINDS,
  STANDARD_SEGMENTS,
  SUBTLE_SEGMENTS,
  drawArtificialChange,
  needsDonor,
} from '../karyotype/artificial-changes';
import { applyChangeObliquely, applyChangeToCrop, turnThereAndBack } from '../karyotype/crop-abnormalities';
import type { GrayImage } from '../shared/gray-image';
import type { TypedChromosomeImage } from '../imaging/crop-cell-profiles';
import type { BagInput } from '../model';
import type { SampledBag } from '../model/train/bag-sampler';
import type { DatasetCase, DatasetChromosome } from '../model/train/dataset';
import { pairOf } from '../model/train/dataset';
import type { ChromosomeType } from '../shared/chromosome-types';
import type { Random } from '../shared/random';
import { datasetCell, readCropImages } from './crop-dataset';

/** Sizes of the changes evaluated separately (issue targets differ). */
export type ChangeSize = 'standard' | 'subtle';

/** Kinds whose size is a piece of the chromosome; Robertsonian fusions have no piece size. */
const SIZED_KINDS = ARTIFICIAL_KINDS.filter((k) => k !== 'robertsonian');

/** Raw crops of the evaluation cases, read once. */
export type CaseCrops = Map<string, Map<string, TypedChromosomeImage[]>>;

export async function readCaseCrops(dataDir: string, cases: readonly DatasetCase[]): Promise<CaseCrops> {
  const out: CaseCrops = new Map();
  const errors: string[] = [];
  for (const c of cases) {
    const cells = new Map<string, TypedChromosomeImage[]>();
    for (const cell of c.cells)
      cells.set(cell.id, await readCropImages(join(dataDir, c.id, cell.id), errors));
    out.set(c.id, cells);
  }
  return out;
}

function bagFromCells(
  type: ChromosomeType,
  chromosomes: [DatasetChromosome, DatasetChromosome, number][],
): BagInput {
  return {
    type,
    pairs: chromosomes.map(([a, b, level]) => ({
      homologs: [a.profile, b.profile],
      bandLevel: level as 300 | 400 | 550 | 700,
    })),
  };
}

/**
 * How the image-level changes are cut: along the crop's rows (as training cuts its changes, see
 * cli/crop-pair-editor), or along slanted lines (a generator training never sees; see applyChangeObliquely).
 */
export type CropCut = 'rows' | 'oblique';

/** Slant of oblique cuts either way, degrees; each cell draws its own. */
const OBLIQUE_DEGREES = { min: 10, max: 25 };

function obliqueAngle(random: Random): number {
  const degrees = random.uniform(OBLIQUE_DEGREES.min, OBLIQUE_DEGREES.max);
  return ((random.next() < 0.5 ? -1 : 1) * degrees * Math.PI) / 180;
}

/** One cell profiled again after one of its crops was replaced. */
function reprofiled(
  cellId: string,
  images: readonly TypedChromosomeImage[],
  target: TypedChromosomeImage,
  image: GrayImage,
  type: ChromosomeType,
): [DatasetChromosome, DatasetChromosome, number] | null {
  const profiled = datasetCell(
    cellId,
    images.map((c) => (c === target ? { ...target, image } : c)),
  );
  const pair = pairOf(profiled, type);
  return pair ? [pair[0], pair[1], profiled.bandLevel] : null;
}

/**
 * An evaluation bag made at the IMAGE level: the same change (same relative breakpoints) cut into one
 * homolog's crop in every cell of the bag, then every changed cell profiled again through the pipeline
 * (so the cell's common scale reacts as it would for a real derivative). Normal bags use the cells as
 * they are (with oblique cuts, one homolog per cell is turned there and back, the resampling without the
 * change). Bags use all of a case's cells that hold the pair (1–3 in pki3).
 */
export function imageLevelBag(
  cases: readonly DatasetCase[],
  crops: CaseCrops,
  random: Random,
  abnormal: boolean,
  size: ChangeSize,
  cut: CropCut = 'rows',
  kinds: readonly ArtificialKind[] = size === 'standard' ? ARTIFICIAL_KINDS : SIZED_KINDS,
): SampledBag {
  for (;;) {
    const patient = random.pick(cases);
    const cells = patient.cells;
    const types = [...new Set(cells.flatMap((cell) => cell.chromosomes.map((c) => c.type)))].filter((t) =>
      cells.some((cell) => pairOf(cell, t)),
    );
    if (types.length === 0) continue;
    const type = random.pick(types);
    const withPair = cells.filter((cell) => pairOf(cell, type));
    if (!abnormal && cut === 'oblique') {
      const homolog = random.int(0, 1);
      const pairs = withPair.flatMap((cell) => {
        const images = crops.get(patient.id)?.get(cell.id) ?? [];
        const target = images.find((c) => c.type === type && c.homolog === homolog);
        if (!target) return [];
        const pair = reprofiled(
          cell.id,
          images,
          target,
          turnThereAndBack(target.image, obliqueAngle(random)),
          type,
        );
        return pair ? [pair] : [];
      });
      if (pairs.length === 0) continue;
      return { bag: bagFromCells(type, pairs), label: 0, kind: 'normal', size: null, caseId: patient.id };
    }
    if (!abnormal) {
      const pairs = withPair.map((cell): [DatasetChromosome, DatasetChromosome, number] => {
        const [a, b] = pairOf(cell, type) ?? [];
        if (!a || !b) throw new Error('unreachable');
        return [a, b, cell.bandLevel];
      });
      return { bag: bagFromCells(type, pairs), label: 0, kind: 'normal', size: null, caseId: patient.id };
    }
    const kind = random.pick(kinds);
    const change = drawArtificialChange(
      kind,
      random,
      size === 'subtle' ? SUBTLE_SEGMENTS : STANDARD_SEGMENTS,
    );
    const homolog = random.int(0, 1);
    const pairs: [DatasetChromosome, DatasetChromosome, number][] = [];
    for (const cell of withPair) {
      const images = crops.get(patient.id)?.get(cell.id) ?? [];
      const target = images.find((c) => c.type === type && c.homolog === homolog);
      if (!target) continue;
      const others = images.filter((c) => c.type !== type);
      const donor = needsDonor(kind) && others.length > 0 ? random.pick(others).image : undefined;
      const image =
        cut === 'oblique'
          ? applyChangeObliquely(target.image, change, obliqueAngle(random), donor)
          : applyChangeToCrop(target.image, change, donor);
      const pair = reprofiled(cell.id, images, target, image, type);
      if (pair) pairs.push(pair);
    }
    if (pairs.length === 0) continue;
    return { bag: bagFromCells(type, pairs), label: 1, kind, size, caseId: patient.id };
  }
}
