import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { ENCODED_BANDS } from './bands-data';

/** G-band stain classes of the ISCN ideogram (UCSC/ideogram naming). */
export type Stain = 'gneg' | 'gpos25' | 'gpos50' | 'gpos75' | 'gpos100' | 'acen' | 'gvar' | 'stalk';

/** Chromosome arm: p (short, top in a karyogram) or q (long). */
export type Arm = 'p' | 'q';

/** One band of an ideogram. `start`/`stop` are ISCN length units from p-ter (not pixels, not fractions). */
export interface Band {
  /** Band name without the chromosome, e.g. "p36.3", "q11.21". */
  readonly name: string;
  readonly arm: Arm;
  readonly start: number;
  readonly stop: number;
  readonly stain: Stain;
}

/** The ISCN ideogram of one chromosome type at one band level. Lengths in ISCN units from p-ter. */
export interface Ideogram {
  readonly type: ChromosomeType;
  readonly level: BandLevel;
  readonly bands: readonly Band[];
  /** Total length in ISCN units (chromosome 1 is 15,100; the same at every band level). */
  readonly length: number;
  /** Position of the centromere (the p/q boundary) in ISCN units from p-ter. */
  readonly centromere: number;
}

const STAIN_BY_CODE: Readonly<Record<string, Stain>> = {
  n: 'gneg',
  '1': 'gpos25',
  '2': 'gpos50',
  '3': 'gpos75',
  '4': 'gpos100',
  a: 'acen',
  v: 'gvar',
  s: 'stalk',
};

const cache = new Map<string, Ideogram>();

/** The ideogram of `type` at `level`, decoded once from the generated table and cached. */
export function getIdeogram(type: ChromosomeType, level: BandLevel): Ideogram {
  const key = `${level}:${type}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const encoded = ENCODED_BANDS[level][type];
  if (encoded === undefined) throw new Error(`no band table for chromosome ${type} at level ${level}`);
  const ideogram = decodeIdeogram(type, level, encoded);
  cache.set(key, ideogram);
  return ideogram;
}

function decodeIdeogram(type: ChromosomeType, level: BandLevel, encoded: string): Ideogram {
  const bands: Band[] = [];
  let start = 0;
  for (const item of encoded.split(' ')) {
    const [name = '', stopText = '', code = ''] = item.split(':');
    const stain = STAIN_BY_CODE[code];
    const arm = name[0];
    if (stain === undefined || (arm !== 'p' && arm !== 'q')) {
      throw new Error(`corrupt band table entry "${item}" for chromosome ${type} at level ${level}`);
    }
    const stop = Number(stopText);
    bands.push({ name, arm, start, stop, stain });
    start = stop;
  }
  const lastP = bands.filter((band) => band.arm === 'p').at(-1);
  return { type, level, bands, length: start, centromere: lastP?.stop ?? 0 };
}
