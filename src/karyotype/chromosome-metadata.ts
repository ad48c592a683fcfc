import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { lengthGroupOf } from '../shared/chromosome-types';
import type { LengthGroup } from '../shared/chromosome-types';
import { getIdeogram } from './ideogram';

/** Acrocentric chromosomes: tiny p arms carrying stalks and satellites (nucleolus organisers). */
export const ACROCENTRIC_TYPES = ['13', '14', '15', '21', '22'] as const satisfies readonly ChromosomeType[];

export function isAcrocentric(type: ChromosomeType): boolean {
  return (ACROCENTRIC_TYPES as readonly ChromosomeType[]).includes(type);
}

/** What the karyotype generator and the app need to know about one chromosome type. */
export interface ChromosomeMetadata {
  readonly type: ChromosomeType;
  readonly group: LengthGroup;
  /** ISCN length relative to chromosome 1 (fraction, 1 for chromosome 1, about 0.21 for 21). */
  readonly relativeLength: number;
  /** Centromere index: p-arm length as a fraction of total length, from p-ter. */
  readonly centromereIndex: number;
  readonly acrocentric: boolean;
  /** Whether the p arm carries a stalk and satellite (the acrocentrics). */
  readonly hasSatellites: boolean;
}

/** Metadata of one type; the centromere index comes from the band table of `level` (default 400). */
export function chromosomeMetadata(type: ChromosomeType, level: BandLevel = 400): ChromosomeMetadata {
  const ideogram = getIdeogram(type, level);
  const reference = getIdeogram('1', level);
  const acrocentric = isAcrocentric(type);
  return {
    type,
    group: lengthGroupOf(type),
    relativeLength: ideogram.length / reference.length,
    centromereIndex: ideogram.centromere / ideogram.length,
    acrocentric,
    hasSatellites: ideogram.bands.some((band) => band.stain === 'stalk'),
  };
}
