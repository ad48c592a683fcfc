import type { ChromosomeType } from '../shared/chromosome-types';

/** Whole-chromosome gain ("+21") or loss ("-7") of one autosome or sex chromosome. */
export interface NumericalChange {
  readonly kind: 'gain' | 'loss';
  readonly type: ChromosomeType;
}

/**
 * A structural rearrangement as written in ISCN. `bands` are band names without the chromosome
 * ("p14", "q11.2", "q10"), in the order written.
 * - del: one band (terminal, the arm distal to it is lost) or two (interstitial, the stretch between).
 * - dup: two bands; the stretch between them is repeated in tandem, same orientation.
 * - inv: two bands; the stretch between them is reversed.
 * - t: two types and one band on each; the segments distal to the breaks are exchanged.
 * - rob: two acrocentric types, bands q10;q10; the two long arms join at the centromere.
 * - ins: types [recipient, donor], bands [recipient band, donor from, donor to]; the donor stretch is
 *   cut out and inserted, same orientation, at the recipient band.
 */
export interface StructuralChange {
  readonly kind: 'del' | 'dup' | 'inv' | 't' | 'rob' | 'ins';
  readonly types: readonly ChromosomeType[];
  readonly bands: readonly string[];
  /** The ISCN text of this change, e.g. "t(11;22)(q23;q11.2)". */
  readonly text: string;
}

export type KaryotypeChange = NumericalChange | StructuralChange;

export function isNumerical(change: KaryotypeChange): change is NumericalChange {
  return change.kind === 'gain' || change.kind === 'loss';
}

/** A parsed ISCN karyotype of one cell line, e.g. 46,XX,t(11;22)(q23;q11.2). */
export interface Karyotype {
  /** The text as given (trimmed). */
  readonly text: string;
  /** The chromosome count written first. */
  readonly count: number;
  /** Sex chromosomes as written ("XXY" → ['X', 'X', 'Y']). */
  readonly sexChromosomes: readonly ('X' | 'Y')[];
  readonly changes: readonly KaryotypeChange[];
}

/** One clone of a mosaic ("mos 47,XY,+21[6]/46,XY[14]"): its karyotype and its cell count, if written. */
export interface KaryotypeClone {
  readonly karyotype: Karyotype;
  readonly cells?: number;
}

/** Raised for a malformed or inconsistent karyotype; `position` is the 0-based character offset. */
export class KaryotypeSyntaxError extends Error {
  readonly position: number;

  constructor(problem: string, text: string, position: number) {
    super(`${problem} at character ${position + 1} of "${text}"`);
    this.name = 'KaryotypeSyntaxError';
    this.position = position;
  }
}
