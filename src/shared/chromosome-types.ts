/** The 24 human chromosome types in karyogram order (ISCN): autosomes 1–22, then X and Y. */
export const CHROMOSOME_TYPES = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '21',
  '22',
  'X',
  'Y',
] as const;

export type ChromosomeType = (typeof CHROMOSOME_TYPES)[number];

/** ISCN band levels (approximate bands per haploid set) the model is conditioned on. */
export const BAND_LEVELS = [300, 400, 550, 700] as const;

export type BandLevel = (typeof BAND_LEVELS)[number];

export function isChromosomeType(value: string): value is ChromosomeType {
  return (CHROMOSOME_TYPES as readonly string[]).includes(value);
}

export function isBandLevel(value: number): value is BandLevel {
  return (BAND_LEVELS as readonly number[]).includes(value);
}

/** Index of a type in karyogram order, 0 for chromosome 1 … 23 for Y. */
export function chromosomeTypeIndex(type: ChromosomeType): number {
  return CHROMOSOME_TYPES.indexOf(type);
}

/** Index of a band level, 0 for 300 … 3 for 700. */
export function bandLevelIndex(level: BandLevel): number {
  return BAND_LEVELS.indexOf(level);
}

/** ISCN length groups: chromosomes of one group are alike in length and centromere position. */
export const LENGTH_GROUPS = {
  A: ['1', '2', '3'],
  B: ['4', '5'],
  C: ['6', '7', '8', '9', '10', '11', '12', 'X'],
  D: ['13', '14', '15'],
  E: ['16', '17', '18'],
  F: ['19', '20'],
  G: ['21', '22', 'Y'],
} as const satisfies Record<string, readonly ChromosomeType[]>;

export type LengthGroup = keyof typeof LENGTH_GROUPS;

export function lengthGroupOf(type: ChromosomeType): LengthGroup {
  for (const [group, members] of Object.entries(LENGTH_GROUPS) as [
    LengthGroup,
    readonly ChromosomeType[],
  ][]) {
    if (members.includes(type)) return group;
  }
  throw new Error(`chromosome type ${type} has no length group`);
}
