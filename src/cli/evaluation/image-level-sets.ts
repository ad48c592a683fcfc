import type { ArtificialKind } from '../../karyotype/artificial-changes';
import {
  ARTIFICIAL_KINDS,
  STANDARD_SEGMENTS,
  SUBTLE_SEGMENTS,
  drawArtificialChange,
  needsDonor,
} from '../../karyotype/artificial-changes';
import {
  applyChangeObliquely,
  applyChangeToCrop,
  turnThereAndBack,
} from '../../karyotype/crop-abnormalities';
import type { GrayImage } from '../../shared/gray-image';
import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import type { BagInput } from '../../model/inputs';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { DatasetCase, DatasetChromosome } from '../../model/train/dataset';
import { pairOf } from '../../model/train/dataset';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { Random } from '../../shared/random';
import { datasetCell } from '../../model/train/crop-cells';
import type { CaseCrops } from '../../model/train/crop-cells';

/** Sizes of the changes evaluated separately (issue targets differ). */
export type ChangeSize = 'standard' | 'subtle';

/** Kinds whose size is a piece of the chromosome; Robertsonian fusions have no piece size. */
const SIZED_KINDS = ARTIFICIAL_KINDS.filter((k) => k !== 'robertsonian');

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
 * model/train/crop-pair-editor), or along slanted lines (a generator training never sees; see applyChangeObliquely).
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

/** One cell of an evaluation bag: the case it comes from and the cell (which holds a pair of the bag's type). */
interface BagCell {
  readonly caseId: string;
  readonly cell: DatasetCase['cells'][number];
}

/**
 * The bag of `type` from the given cells: as they are (normal), or with the same change (same relative
 * breakpoints) cut into one homolog's crop in every cell, each changed cell then profiled again through
 * the pipeline (so the cell's common scale reacts as it would for a real derivative). With oblique cuts,
 * one homolog of every normal pair is turned there and back, the resampling without the change.
 * Null when no cell gave a pair.
 */
function bagOfCells(
  cells: readonly BagCell[],
  type: ChromosomeType,
  crops: CaseCrops,
  random: Random,
  abnormal: boolean,
  size: ChangeSize,
  cut: CropCut,
  kinds: readonly ArtificialKind[],
): Omit<SampledBag, 'caseId'> | null {
  const imagesOf = ({ caseId, cell }: BagCell): TypedChromosomeImage[] =>
    crops.get(caseId)?.get(cell.id) ?? [];
  if (!abnormal && cut === 'rows') {
    const pairs = cells.map(({ cell }): [DatasetChromosome, DatasetChromosome, number] => {
      const [a, b] = pairOf(cell, type) ?? [];
      if (!a || !b) throw new Error('unreachable');
      return [a, b, cell.bandLevel];
    });
    return pairs.length === 0
      ? null
      : { bag: bagFromCells(type, pairs), label: 0, kind: 'normal', size: null };
  }
  // Drawn in this order so that the evaluation sets stay the ones earlier evaluations used.
  const kind = abnormal ? random.pick(kinds) : null;
  const change =
    kind === null
      ? null
      : drawArtificialChange(kind, random, size === 'subtle' ? SUBTLE_SEGMENTS : STANDARD_SEGMENTS);
  const homolog = random.int(0, 1);
  const pairs: [DatasetChromosome, DatasetChromosome, number][] = [];
  for (const bagCell of cells) {
    const images = imagesOf(bagCell);
    const target = images.find((c) => c.type === type && c.homolog === homolog);
    if (!target) continue;
    let image: GrayImage;
    if (kind === null || change === null) {
      image = turnThereAndBack(target.image, obliqueAngle(random));
    } else {
      const others = images.filter((c) => c.type !== type);
      const donor = needsDonor(kind) && others.length > 0 ? random.pick(others).image : undefined;
      image =
        cut === 'oblique'
          ? applyChangeObliquely(target.image, change, obliqueAngle(random), donor)
          : applyChangeToCrop(target.image, change, donor);
    }
    const pair = reprofiled(bagCell.cell.id, images, target, image, type);
    if (pair) pairs.push(pair);
  }
  if (pairs.length === 0) return null;
  return kind === null
    ? { bag: bagFromCells(type, pairs), label: 0, kind: 'normal', size: null }
    : { bag: bagFromCells(type, pairs), label: 1, kind, size };
}

/**
 * An evaluation bag made at the IMAGE level (see bagOfCells) from one case: all of its cells that hold
 * the pair (1–3 in pki3; 1 or 2 in each of the 56 validation cases of seed 1).
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
    const withPair = cells.filter((cell) => pairOf(cell, type)).map((cell) => ({ caseId: patient.id, cell }));
    const made = bagOfCells(withPair, type, crops, random, abnormal, size, cut, kinds);
    if (made) return { ...made, caseId: patient.id };
  }
}

/** `count` different items of `items` (partial Fisher–Yates). */
function drawDistinct<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = [...items];
  for (let i = 0; i < count; i++) {
    const j = random.int(i, pool.length - 1);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, count);
}

/**
 * A bag of `cellCount` cells of one type, each from a DIFFERENT validation case (pki3 cases hold 1–2
 * cells; real cases are karyotyped in 5 or more). It shows what more cells buy, at one change per bag as
 * in imageLevelBag. Optimistic for normal bags: a heteromorphism that one patient carries in every cell
 * does not recur across cells of different patients. `caseId` names the cases joined by "+".
 */
export function pooledImageBag(
  cases: readonly DatasetCase[],
  crops: CaseCrops,
  random: Random,
  abnormal: boolean,
  size: ChangeSize,
  cellCount: number,
  cut: CropCut = 'rows',
): SampledBag {
  const kinds = size === 'standard' ? ARTIFICIAL_KINDS : SIZED_KINDS;
  const types = [
    ...new Set(cases.flatMap((c) => c.cells.flatMap((cell) => cell.chromosomes.map((x) => x.type)))),
  ];
  for (;;) {
    const type = random.pick(types);
    const holders = cases.flatMap((c) => {
      const withPair = c.cells.filter((cell) => pairOf(cell, type));
      return withPair.length > 0 ? [{ caseId: c.id, cells: withPair }] : [];
    });
    if (holders.length < cellCount) continue;
    const chosen = drawDistinct(holders, cellCount, random);
    const cells = chosen.map((h) => ({ caseId: h.caseId, cell: random.pick(h.cells) }));
    const made = bagOfCells(cells, type, crops, random, abnormal, size, cut, kinds);
    if (made) return { ...made, caseId: chosen.map((h) => h.caseId).join('+') };
  }
}

/**
 * A bag of one patient's own cells: a type the patient has a pair of in at least `cellCount` cells, and
 * `cellCount` of those cells (all of them for `'all'`), changed as in imageLevelBag. Real cases: no cell
 * of another patient joins the bag. Patients with too few cells for the count are passed over.
 */
export function ownCellsBag(
  cases: readonly DatasetCase[],
  crops: CaseCrops,
  random: Random,
  abnormal: boolean,
  size: ChangeSize,
  cellCount: number | 'all',
): SampledBag {
  const kinds = size === 'standard' ? ARTIFICIAL_KINDS : SIZED_KINDS;
  const needed = cellCount === 'all' ? 1 : cellCount;
  const eligible = cases.filter((c) => c.cells.length >= needed);
  if (eligible.length === 0) throw new RangeError(`no case has ${needed} cells`);
  for (;;) {
    const patient = random.pick(eligible);
    const types = [...new Set(patient.cells.flatMap((cell) => cell.chromosomes.map((c) => c.type)))].filter(
      (t) => patient.cells.filter((cell) => pairOf(cell, t)).length >= needed,
    );
    if (types.length === 0) continue;
    const type = random.pick(types);
    const withPair = patient.cells.filter((cell) => pairOf(cell, type));
    const chosen = cellCount === 'all' ? withPair : drawDistinct(withPair, cellCount, random);
    const made = bagOfCells(
      chosen.map((cell) => ({ caseId: patient.id, cell })),
      type,
      crops,
      random,
      abnormal,
      size,
      'rows',
      kinds,
    );
    if (made) return { ...made, caseId: patient.id };
  }
}
