import type { BandLevel } from '../shared/chromosome-types';
import { createRandom } from '../shared/random';
import { cellChromosomes } from './cell-chromosomes';
import { assignClones, normalKaryotypeLike, parseKaryotypeClones } from './karyotype-clones';
import type { Karyotype, KaryotypeClone } from './karyotype-types';
import type { RenderedKaryogram } from './render-karyogram';
import { renderKaryogram } from './render-karyogram';
import { shuffled } from './shuffle';

export interface SyntheticCaseOptions {
  /** ISCN karyotype, constitutional ("46,XY,del(5)(p14)") or mosaic ("mos 47,XY,+21[6]/46,XY[14]"). */
  readonly karyotype: string;
  /** Number of cells (metaphases), ≥ 1. */
  readonly cells: number;
  readonly level: BandLevel;
  /** Seed: the same options and seed give the same pixels. */
  readonly seed: number;
  /**
   * Fraction of cells, in [0, 1], carrying a constitutional `karyotype` when the rest are normal of the same
   * sex (a simple mosaic). Default 1. Not allowed together with a "mos" karyotype.
   */
  readonly mosaicFraction?: number;
  /** Karyogram canvas in pixels, default 1017 × 896. */
  readonly width?: number;
  readonly height?: number;
  readonly noiseGray?: number;
  readonly bend?: boolean;
}

export interface SyntheticCell {
  /** "cell01", "cell02", … */
  readonly id: string;
  readonly karyotype: Karyotype;
  readonly karyogram: RenderedKaryogram;
}

export interface SyntheticCase {
  readonly karyotype: string;
  readonly level: BandLevel;
  readonly seed: number;
  readonly cells: readonly SyntheticCell[];
}

/** Derives an independent seed for part `index` of a case (SplitMix-style mixing). */
export function childSeed(seed: number, index: number): number {
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Generates every cell of a synthetic case: its karyotype (constitutional, or per clone for mosaics),
 * chromosomes and karyogram with truth. Deterministic in `seed`.
 * @throws KaryotypeSyntaxError for a malformed karyotype; Error for impossible options.
 */
export function generateCase(options: SyntheticCaseOptions): SyntheticCase {
  if (!Number.isInteger(options.cells) || options.cells < 1)
    throw new Error(`cells must be a whole number ≥ 1, got ${options.cells}`);
  const clones = casesClones(options);
  const random = createRandom(childSeed(options.seed, 0));
  const assignment = shuffled(assignClones(clones, options.cells), random);
  const cells = assignment.map((cloneIndex, i) => {
    const clone = clones[cloneIndex];
    if (!clone) throw new Error(`no clone ${cloneIndex}`);
    const cellRandom = createRandom(childSeed(options.seed, i + 1));
    const chromosomes = cellChromosomes(clone.karyotype, options.level, cellRandom);
    const karyogram = renderKaryogram(
      chromosomes,
      {
        level: options.level,
        ...(options.width === undefined ? {} : { width: options.width }),
        ...(options.height === undefined ? {} : { height: options.height }),
        ...(options.noiseGray === undefined ? {} : { noiseGray: options.noiseGray }),
        ...(options.bend === undefined ? {} : { bend: options.bend }),
      },
      cellRandom,
    );
    return { id: `cell${String(i + 1).padStart(2, '0')}`, karyotype: clone.karyotype, karyogram };
  });
  return { karyotype: options.karyotype, level: options.level, seed: options.seed, cells };
}

function casesClones(options: SyntheticCaseOptions): KaryotypeClone[] {
  const clones = parseKaryotypeClones(options.karyotype);
  const fraction = options.mosaicFraction;
  if (fraction === undefined) return clones;
  const [only] = clones;
  if (clones.length !== 1 || !only)
    throw new Error('mosaicFraction cannot be combined with a "mos" karyotype');
  if (!(fraction >= 0 && fraction <= 1)) throw new Error(`mosaicFraction must be in [0, 1], got ${fraction}`);
  const abnormal = Math.round(fraction * options.cells);
  return [
    { karyotype: only.karyotype, cells: abnormal },
    { karyotype: normalKaryotypeLike(only.karyotype), cells: options.cells - abnormal },
  ];
}
