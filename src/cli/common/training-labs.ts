import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { CaseCrops } from '../../model/train/crop-cells';
import type { DatasetCase } from '../../model/train/dataset';
import { splitByCase } from '../../model/train/dataset';
import { createRandom } from '../../shared/random';
import { loadCropDataset, readCaseCrops } from './crop-dataset';
import { metaphaseCropBundle } from './metaphase-crop-bundle';

/** One lab's cases, read from a crop bundle or from annotated metaphases turned into one. */
export interface LabCases {
  /** The data folder's name (`pki3`, `tseng`): what its figures are reported under. */
  readonly lab: string;
  /** The data folder as given: a crop bundle, or the annotated metaphases the bundle was made of. */
  readonly sourceDir: string;
  /** Whether `sourceDir` holds annotated metaphases (its real cases are scored from them). */
  readonly metaphases: boolean;
  /** The crop bundle its crops are read from (the data folder itself, or the bundle made of its metaphases). */
  readonly cropDir: string;
  /** Case ids are the folder names, prefixed with `<lab>/` for every lab but the first (ids stay unique). */
  readonly cases: readonly DatasetCase[];
  /** The id prefix of this lab's cases (`''` for the first). */
  readonly prefix: string;
}

/** Where the crop bundles made of metaphase folders are kept (git-ignored, reused across runs). */
export const METAPHASE_BUNDLES_DIR = '.checkpoints/crops';

/** Whether a data folder holds annotated metaphases (`<patient>/<cell>.xml`) rather than a crop bundle. */
async function holdsMetaphases(dataDir: string): Promise<boolean> {
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const names = await readdir(join(dataDir, entry.name));
    return names.some((name) => name.toLowerCase().endsWith('.xml'));
  }
  return false;
}

/**
 * Every lab's cases for training and evaluation: crop bundles as they are, folders of annotated
 * metaphases through metaphaseCropBundle first (once; about 3.5 minutes for tseng's 1,019 cells). The
 * first lab's case ids are its folder names, so a single-lab run reads exactly as before.
 */
export async function loadLabs(
  dataDirs: readonly string[],
  cacheDir: string,
  onProgress?: (lab: string, done: number, total: number) => void,
): Promise<{ labs: LabCases[]; errors: string[] }> {
  const labs: LabCases[] = [];
  const errors: string[] = [];
  for (const [index, dataDir] of dataDirs.entries()) {
    const lab = basename(resolve(dataDir));
    const progress = (done: number, total: number): void => onProgress?.(lab, done, total);
    let cropDir = resolve(dataDir);
    const metaphases = await holdsMetaphases(dataDir);
    if (metaphases) {
      const bundle = await metaphaseCropBundle(dataDir, resolve(METAPHASE_BUNDLES_DIR, lab), progress);
      errors.push(...bundle.stamp.errors);
      cropDir = bundle.dir;
    }
    const loaded = await loadCropDataset(cropDir, cacheDir, progress);
    errors.push(...loaded.errors);
    const prefix = index === 0 ? '' : `${lab}/`;
    labs.push({
      lab,
      sourceDir: resolve(dataDir),
      metaphases,
      cropDir,
      prefix,
      cases: loaded.cases.map((c) => ({ ...c, id: prefix + c.id })),
    });
  }
  return { labs, errors };
}

/**
 * Training and validation cases, split by case within each lab with one seed, so that every lab has
 * held-out patients and the first lab's split is the one a single-lab run makes.
 */
export function splitLabs(
  labs: readonly LabCases[],
  validationFraction: number,
  seed: number,
): { training: DatasetCase[]; validation: DatasetCase[] } {
  const training: DatasetCase[] = [];
  const validation: DatasetCase[] = [];
  for (const lab of labs) {
    const split = splitByCase(lab.cases, validationFraction, createRandom(seed));
    training.push(...split.training);
    validation.push(...split.validation);
  }
  return { training, validation };
}

/** The crops of the given cases of every lab, keyed by their (prefixed) case ids. */
export async function readLabCrops(
  labs: readonly LabCases[],
  cases: readonly DatasetCase[],
): Promise<CaseCrops> {
  const crops: CaseCrops = new Map();
  for (const lab of labs) {
    const own = cases.filter((c) => lab.cases.includes(c));
    const read = await readCaseCrops(
      lab.cropDir,
      own.map((c) => ({ ...c, id: c.id.slice(lab.prefix.length) })),
    );
    for (const [id, cells] of read) crops.set(lab.prefix + id, cells);
  }
  return crops;
}
