import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { bandInterval } from './band-names';
import type { KaryotypeChange } from './karyotype-types';
import { isNumerical } from './karyotype-types';

/** Where one change of a karyotype lies on one chromosome type, as the karyotype names it. */
export interface ChangedBands {
  readonly type: ChromosomeType;
  /** ISCN bands from p-ter to q-ter, e.g. "9p12–q13", "5pter–p14", "11q23–qter", "2p13"; "whole 21". */
  readonly bands: string;
  /** The same stretch as fractions of the normal chromosome's length from p-ter (whole bands included). */
  readonly from: number;
  readonly to: number;
}

interface Named {
  readonly band: string;
  readonly from: number;
  readonly to: number;
}

function named(type: ChromosomeType, band: string, level: BandLevel): Named {
  return { band, ...bandInterval(type, level, band) };
}

/** "9p12–q13": the two named bands in p-ter order; one name when they are the same band. */
function span(type: ChromosomeType, a: Named, b: Named): ChangedBands {
  const [first, last] = a.from <= b.from ? [a, b] : [b, a];
  const bands = first.band === last.band ? `${type}${first.band}` : `${type}${first.band}–${last.band}`;
  return { type, bands, from: first.from, to: Math.max(first.to, last.to) };
}

/** The arm distal to a break: "5pter–p14" or "11q23–qter". */
function distal(type: ChromosomeType, at: Named): ChangedBands {
  return at.band.startsWith('p')
    ? { type, bands: `${type}pter–${at.band}`, from: 0, to: at.to }
    : { type, bands: `${type}${at.band}–qter`, from: at.from, to: 1 };
}

/**
 * The stretch of each chromosome type that `change` alters, read from the ISCN text alone (not from a
 * drawing or a model), so that teaching mode can show where the change truly is: the deleted,
 * duplicated or inverted stretch; for t the part of each chromosome distal to its break; for ins the
 * recipient's insertion site and the donor's moved stretch; for rob the short arm each chromosome
 * loses, p-ter to the centromere (q10) where the long arms join; a whole chromosome for a gain or loss.
 */
export function changedBands(change: KaryotypeChange, level: BandLevel): ChangedBands[] {
  if (isNumerical(change)) return [{ type: change.type, bands: `whole ${change.type}`, from: 0, to: 1 }];
  const [a, b] = change.types;
  const [b1, b2, b3] = change.bands;
  if (a === undefined || b1 === undefined) return [];
  const onA = (band: string): Named => named(a, band, level);
  switch (change.kind) {
    case 'del':
      return [b2 === undefined ? distal(a, onA(b1)) : span(a, onA(b1), onA(b2))];
    case 'dup':
    case 'inv':
      return [span(a, onA(b1), onA(b2 ?? b1))];
    case 't':
      if (b === undefined || b2 === undefined) return [];
      return [distal(a, onA(b1)), distal(b, named(b, b2, level))];
    case 'rob':
      if (b === undefined || b2 === undefined) return [];
      return [a, b].map((type) => {
        const centromere = named(type, 'q10', level);
        return { type, bands: `${type}pter–q10`, from: 0, to: centromere.to };
      });
    case 'ins':
      if (b === undefined || b2 === undefined || b3 === undefined) return [];
      return [span(a, onA(b1), onA(b1)), span(b, named(b, b2, level), named(b, b3, level))];
  }
}
