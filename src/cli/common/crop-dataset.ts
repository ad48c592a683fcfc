import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { parseCropName } from '../../imaging/case-input/file-names';
import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import { decodeImage } from '../../imaging/decode/decode-image';
import type { DatasetCase, DatasetCell } from '../../model/train/dataset';
import { datasetCell } from '../../model/train/crop-cells';
import type { CaseCrops } from '../../model/train/crop-cells';
import { PROFILE_LENGTH } from '../../shared/profile';

/** Bump when the image pipeline changes what profiles it makes, so stale caches are not reused. */
export const PIPELINE_VERSION = 'crop-profiles@10';
const VALUES = 2 * PROFILE_LENGTH;

interface CacheIndex {
  readonly key: string;
  readonly cases: {
    id: string;
    cells: {
      id: string;
      bandLevel: BandLevel;
      chromosomes: { type: ChromosomeType; homolog: number; samples: number }[];
    }[];
  }[];
  readonly errors: string[];
}

/** Folder names in `path`, linked folders included (a folder of linked cases picks some of an archive). */
async function subfolders(path: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const folder =
      entry.isDirectory() ||
      (entry.isSymbolicLink() &&
        (await stat(join(path, entry.name)).catch(() => null))?.isDirectory() === true);
    if (folder) names.push(entry.name);
  }
  return names.sort();
}

/** Decodes every crop of one crop folder (a cell); broken files are reported in `errors`, not fatal. */
export async function readCropImages(folder: string, errors: string[]): Promise<TypedChromosomeImage[]> {
  const crops: TypedChromosomeImage[] = [];
  for (const name of (await readdir(folder)).sort()) {
    const parsed = parseCropName(name);
    if (!parsed?.valid) continue;
    const path = join(folder, name);
    try {
      const page = decodeImage(path, new Uint8Array(await readFile(path)))[0];
      if (page) crops.push({ type: parsed.type, homolog: parsed.homolog, image: page.image, source: path });
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return crops;
}

async function readCell(folder: string, id: string, errors: string[]): Promise<DatasetCell | null> {
  const crops = await readCropImages(folder, errors);
  return crops.length > 0 ? datasetCell(id, crops) : null;
}

/** Case folders, then cell folders, of a crop-bundle folder, sorted. */
export async function listCases(dataDir: string): Promise<{ id: string; cells: string[] }[]> {
  const cases = [];
  for (const id of await subfolders(dataDir)) cases.push({ id, cells: await subfolders(join(dataDir, id)) });
  return cases;
}

async function cacheKey(dataDir: string, caseIds: readonly string[]): Promise<string> {
  const info = await stat(dataDir);
  return createHash('sha256')
    .update(`${PIPELINE_VERSION}\n${dataDir}\n${String(info.mtimeMs)}\n${caseIds.join(',')}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * Profiles of every case of a crop-bundle folder (`<case>/<cell>/<type>_<homolog>.<ext>`), cached in
 * `cacheDir` so that training runs and resumptions do not decode 20,000 crops again.
 */
export async function loadCropDataset(
  dataDir: string,
  cacheDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ cases: DatasetCase[]; errors: string[] }> {
  const caseIds = await subfolders(dataDir);
  const key = await cacheKey(dataDir, caseIds);
  const indexPath = join(cacheDir, `profiles-${key}.json`);
  const binPath = join(cacheDir, `profiles-${key}.bin`);
  try {
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as CacheIndex;
    const bytes = await readFile(binPath);
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    let offset = 0;
    const cases = index.cases.map((c) => ({
      id: c.id,
      cells: c.cells.map((cell) => ({
        id: cell.id,
        bandLevel: cell.bandLevel,
        chromosomes: cell.chromosomes.map((chromosome) => {
          const profile = values.slice(offset, offset + VALUES);
          offset += VALUES;
          return { ...chromosome, profile };
        }),
      })),
    }));
    return { cases, errors: index.errors };
  } catch {
    // No usable cache: build it.
  }
  const errors: string[] = [];
  const cases: DatasetCase[] = [];
  for (const [i, caseId] of caseIds.entries()) {
    const cells: DatasetCell[] = [];
    for (const cellId of await subfolders(join(dataDir, caseId))) {
      const cell = await readCell(join(dataDir, caseId, cellId), cellId, errors);
      if (cell) cells.push(cell);
    }
    if (cells.length > 0) cases.push({ id: caseId, cells });
    onProgress?.(i + 1, caseIds.length);
  }
  await mkdir(cacheDir, { recursive: true });
  const chromosomes = cases.flatMap((c) => c.cells.flatMap((cell) => cell.chromosomes));
  const packed = new Float32Array(chromosomes.length * VALUES);
  chromosomes.forEach((c, i) => {
    packed.set(c.profile, i * VALUES);
  });
  const index: CacheIndex = {
    key,
    errors,
    cases: cases.map((c) => ({
      id: c.id,
      cells: c.cells.map((cell) => ({
        id: cell.id,
        bandLevel: cell.bandLevel,
        chromosomes: cell.chromosomes.map(({ type, homolog, samples }) => ({ type, homolog, samples })),
      })),
    })),
  };
  await writeFile(binPath, new Uint8Array(packed.buffer));
  await writeFile(indexPath, JSON.stringify(index));
  return { cases, errors };
}

/** Raw crops of the given cases, read once (for image-level changes in training and evaluation). */
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
