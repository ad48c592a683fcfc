import type { ChromosomeType } from '../shared/chromosome-types';

/**
 * A piece of a source chromosome inside a (derivative) chromosome, as fractions of the SOURCE's length
 * from its p-ter. `from > to` means the piece runs reversed (q-ward end on top).
 */
export interface Segment {
  readonly source: ChromosomeType;
  readonly from: number;
  readonly to: number;
}

/** An ISCN breakpoint of a rearrangement: the band named in the karyotype and where it is. */
export interface Breakpoint {
  readonly source: ChromosomeType;
  /** Full band name, e.g. "5p14", "22q11.2", "13q10". */
  readonly band: string;
  /** Position of the break on the normal source chromosome, fraction of its length from p-ter. */
  readonly sourceFraction: number;
}

/**
 * One chromosome of a cell as a list of segments from p-ter (top) to q-ter. A normal chromosome is one
 * segment {type, 0, 1}.
 */
export interface DerivativeChromosome {
  /** The karyogram slot it is placed in (ISCN places a derivative by its centromere's chromosome). */
  readonly placement: ChromosomeType;
  /** ISCN name: "5" for a normal chromosome, "del(5)(p14)", "der(11)t(11;22)(q23;q11.2)", … */
  readonly name: string;
  readonly segments: readonly Segment[];
  /** Breakpoints of the rearrangement that made it; empty for a normal chromosome. */
  readonly breakpoints: readonly Breakpoint[];
}

export function isNormal(chromosome: DerivativeChromosome): boolean {
  return chromosome.breakpoints.length === 0;
}

export function normalChromosome(type: ChromosomeType): DerivativeChromosome {
  return { placement: type, name: type, segments: [{ source: type, from: 0, to: 1 }], breakpoints: [] };
}
