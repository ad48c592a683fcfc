import type { ChromosomeType } from '../../shared/chromosome-types';

/**
 * Approximate relative length of each chromosome type, in percent of the haploid autosomal length
 * (ISCN tables). Used only as a size cue for layout parsing, so two digits are plenty.
 */
export const RELATIVE_LENGTH: Readonly<Record<ChromosomeType, number>> = {
  '1': 8.44,
  '2': 8.02,
  '3': 6.83,
  '4': 6.3,
  '5': 6.08,
  '6': 5.9,
  '7': 5.36,
  '8': 4.93,
  '9': 4.8,
  '10': 4.59,
  '11': 4.61,
  '12': 4.66,
  '13': 3.74,
  '14': 3.56,
  '15': 3.46,
  '16': 3.36,
  '17': 3.25,
  '18': 2.93,
  '19': 2.67,
  '20': 2.56,
  '21': 1.9,
  '22': 2.04,
  X: 5.12,
  Y: 2.15,
};

/** Slot types of each row of the ISCN karyogram layout, top row first. */
export const ISCN_ROWS: readonly (readonly ChromosomeType[])[] = [
  ['1', '2', '3', '4', '5'],
  ['6', '7', '8', '9', '10', '11', '12'],
  ['13', '14', '15', '16', '17', '18'],
  ['19', '20', '21', '22', 'X', 'Y'],
];
