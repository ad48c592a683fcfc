import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import { straighteningDoubtful } from '../../imaging/profile/axis-coverage';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import type { CaseChromosome, ProfiledCaseCell } from '../../pipeline/profiles/profiled-case';
import type { ChromosomeType } from '../../shared/chromosome-types';

/** What a finished bundle records, so that a later run reuses it instead of reading every metaphase again. */
interface BundleStamp {
  /** Bump when what is written changes (the cut-out, the straightening, the choice of chromosomes). */
  readonly version: number;
  readonly source: string;
  readonly patients: number;
  readonly cells: number;
  readonly crops: number;
  readonly errors: readonly string[];
}

const BUNDLE_VERSION = 6;
const STAMP = 'bundle.json';

/** A crop name's homolog is 0, 1 or 2: a cell's fourth clean copy of a type has no name and is left out. */
const MAX_COPIES = 3;

/**
 * The chromosomes of a metaphase cell that training can trust, renumbered per type (0, 1, 2): those whose
 * cut-out stands free and whose centre line covers them. Touching, crossing or folded ones hold part of
 * something else or miss part of themselves, and would teach the model that such unequal pairs are normal.
 */
export function trainableChromosomes(
  cell: ProfiledCaseCell,
): { chromosome: CaseChromosome; homolog: number }[] {
  const copies = new Map<ChromosomeType, number>();
  const out: { chromosome: CaseChromosome; homolog: number }[] = [];
  for (const chromosome of cell.chromosomes) {
    if (chromosome.cutOutDoubt !== undefined || straighteningDoubtful(chromosome.axisCoverage)) continue;
    const homolog = copies.get(chromosome.type) ?? 0;
    copies.set(chromosome.type, homolog + 1);
    if (homolog < MAX_COPIES) out.push({ chromosome, homolog });
  }
  return out;
}

/**
 * Turns a folder of annotated metaphases (`<patient>/<cell>.jpg` with `<cell>.xml`) into a crop bundle
 * (`<patient>/<cell>/<type>_<homolog>.png`) that the crop-bundle training and evaluation read as they
 * read pki3: each trainable chromosome (see trainableChromosomes) straightened, p-arm up, as the analysis
 * of the metaphase straightened it. Profiling those crops again gives the metaphase profiles back (median
 * correlation 0.99, lengths within 2 % on 263 tseng chromosomes), so image-level changes can be cut into
 * them like into pki3 crops. Written once: a finished bundle of the same version is reused.
 *
 * @returns the bundle's folder
 */
export async function metaphaseCropBundle(
  metaphaseDir: string,
  bundleDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ dir: string; stamp: BundleStamp }> {
  try {
    const stamp = JSON.parse(await readFile(join(bundleDir, STAMP), 'utf8')) as BundleStamp;
    if (stamp.version === BUNDLE_VERSION && stamp.source === metaphaseDir) return { dir: bundleDir, stamp };
  } catch {
    // No finished bundle: make it.
  }
  await rm(bundleDir, { recursive: true, force: true });
  const plan = await prepareCaseInput(await readFolderAsVirtualFiles(metaphaseDir));
  const errors = plan.rejected.map((r) => `${r.path}: ${r.message}`);
  let cells = 0;
  let crops = 0;
  for (const [i, planned] of plan.cases.entries()) {
    const profiled = await profileCase(planned);
    errors.push(...profiled.errors.map((e) => `${e.file}: ${e.message}`));
    for (const cell of profiled.cells) {
      const folder = join(bundleDir, profiled.id, cell.id);
      await mkdir(folder, { recursive: true });
      for (const { chromosome, homolog } of trainableChromosomes(cell)) {
        const { width, height, pixels } = chromosome.straightened;
        await writeFile(
          join(folder, `${chromosome.type}_${homolog}.png`),
          encode({ width, height, data: pixels, channels: 1, depth: 8 }),
        );
        crops++;
      }
      cells++;
    }
    onProgress?.(i + 1, plan.cases.length);
  }
  const stamp: BundleStamp = {
    version: BUNDLE_VERSION,
    source: metaphaseDir,
    patients: plan.cases.length,
    cells,
    crops,
    errors,
  };
  await writeFile(join(bundleDir, STAMP), JSON.stringify(stamp, null, 2));
  return { dir: bundleDir, stamp };
}
