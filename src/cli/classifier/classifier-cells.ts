import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import { straighteningDoubtful } from '../../imaging/profile/axis-coverage';
import {
  CELL_FIGURES,
  TRACK_CHANNELS,
  TRACK_POINTS,
  cellTypeFeatures,
  type TypeFeatures,
} from '../../model/type-classifier/type-features';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import { chromosomeTypeIndex } from '../../shared/chromosome-types';
import { PIPELINE_VERSION } from '../common/crop-dataset';

/** Bump when what a cached chromosome holds changes (the features, or which chromosomes are kept). */
const CELLS_VERSION = 'classifier-cells@1';

/** One annotated chromosome: its box's type and what the classifier reads of it. */
export interface LabelledChromosome {
  /** Type index in karyogram order (0 for chromosome 1 … 23 for Y), from the annotation. */
  readonly type: number;
  /** Its cut-out touches or crosses another object, or its centre line missed part of it. */
  readonly doubtful: boolean;
  readonly features: TypeFeatures;
}

/** One annotated metaphase with its chromosomes in annotation order. */
export interface LabelledCell {
  readonly patient: string;
  readonly cell: string;
  readonly chromosomes: readonly LabelledChromosome[];
}

interface CacheIndex {
  readonly key: string;
  readonly cells: { patient: string; cell: string; types: number[]; doubtful: boolean[] }[];
  readonly errors: string[];
}

const FLOATS = TRACK_POINTS * TRACK_CHANNELS + CELL_FIGURES;

async function cacheKey(metaphaseDir: string): Promise<string> {
  const info = await stat(metaphaseDir);
  return createHash('sha256')
    .update(`${CELLS_VERSION}\n${PIPELINE_VERSION}\n${metaphaseDir}\n${String(info.mtimeMs)}`)
    .digest('hex')
    .slice(0, 16);
}

async function readCache(
  indexPath: string,
  binPath: string,
): Promise<{ cells: LabelledCell[]; errors: string[] } | null> {
  try {
    const index = JSON.parse(await readFile(indexPath, 'utf8')) as CacheIndex;
    const bytes = await readFile(binPath);
    const values = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    let offset = 0;
    const cells = index.cells.map((c) => ({
      patient: c.patient,
      cell: c.cell,
      chromosomes: c.types.map((type, i) => {
        const tracks = values.slice(offset, offset + TRACK_POINTS * TRACK_CHANNELS);
        const figures = values.slice(offset + tracks.length, offset + FLOATS);
        offset += FLOATS;
        return { type, doubtful: c.doubtful[i] ?? false, features: { tracks, figures } };
      }),
    }));
    return { cells, errors: index.errors };
  } catch {
    return null;
  }
}

/**
 * Every annotated chromosome of a folder of metaphases (`<patient>/<cell>.jpg` with `<cell>.xml`), with
 * its type from the box and its classifier features from the same imaging a case gets (cut out,
 * straightened, profiled at the cell's scale). Cached in `cacheDir`: the first run images every cell
 * (about 4 minutes for tseng's 1,019), later ones read the cache.
 */
export async function loadLabelledCells(
  metaphaseDir: string,
  cacheDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ cells: LabelledCell[]; errors: string[] }> {
  const dir = resolve(metaphaseDir);
  const key = await cacheKey(dir);
  const indexPath = join(cacheDir, `classifier-cells-${key}.json`);
  const binPath = join(cacheDir, `classifier-cells-${key}.bin`);
  const cached = await readCache(indexPath, binPath);
  if (cached) return cached;

  const plan = await prepareCaseInput(await readFolderAsVirtualFiles(dir));
  const errors = plan.rejected.map((r) => `${r.path}: ${r.message}`);
  const cells: LabelledCell[] = [];
  for (const [i, planned] of plan.cases.entries()) {
    const profiled = await profileCase(planned);
    errors.push(...profiled.errors.map((e) => `${e.file}: ${e.message}`));
    for (const cell of profiled.cells) {
      const features = cellTypeFeatures(cell.chromosomes);
      cells.push({
        patient: profiled.id,
        cell: cell.id,
        chromosomes: cell.chromosomes.map((chromosome, k) => ({
          type: chromosomeTypeIndex(chromosome.type),
          doubtful: chromosome.cutOutDoubt !== undefined || straighteningDoubtful(chromosome.axisCoverage),
          features: features[k] ?? { tracks: new Float32Array(0), figures: new Float32Array(0) },
        })),
      });
    }
    onProgress?.(i + 1, plan.cases.length);
  }

  const all = new Float32Array(cells.reduce((n, c) => n + c.chromosomes.length, 0) * FLOATS);
  let offset = 0;
  for (const cell of cells)
    for (const chromosome of cell.chromosomes) {
      all.set(chromosome.features.tracks, offset);
      all.set(chromosome.features.figures, offset + TRACK_POINTS * TRACK_CHANNELS);
      offset += FLOATS;
    }
  const index: CacheIndex = {
    key,
    cells: cells.map((c) => ({
      patient: c.patient,
      cell: c.cell,
      types: c.chromosomes.map((x) => x.type),
      doubtful: c.chromosomes.map((x) => x.doubtful),
    })),
    errors,
  };
  await mkdir(cacheDir, { recursive: true });
  await writeFile(binPath, new Uint8Array(all.buffer));
  await writeFile(indexPath, JSON.stringify(index));
  return { cells, errors };
}
