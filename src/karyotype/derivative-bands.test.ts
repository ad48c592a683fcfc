import { describe, expect, it } from 'vitest';
import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { BAND_LEVELS } from '../shared/chromosome-types';
import { createRandom } from '../shared/random';
import { bandAt, bandBreakpoint } from './band-names';
import { cellChromosomes } from './cell-chromosomes';
import { getIdeogram } from './ideogram';
import { parseKaryotype } from './karyotype-parser';
import { stainTrack } from './stain-track';
import { generateCase } from './synthetic-case';

/*
 * The drawn derivative must be the one the ISCN text names: for every kind of change teaching mode
 * accepts, the derivative's band sequence (p-ter first) is built here from the NORMAL chromosome's
 * band table, cut at the band that holds each named break, and compared with what the cell carries.
 */

/** The normal chromosome's full band names, p-ter first. */
const normal = (type: ChromosomeType, level: BandLevel): string[] =>
  getIdeogram(type, level).bands.map((b) => `${type}${b.name}`);

/** Index, in the normal band list, of the band that holds the break ISCN means by `band`. */
function breakIndex(type: ChromosomeType, level: BandLevel, band: string): number {
  const held = bandAt(type, level, bandBreakpoint(type, level, band));
  const name = `${type}${held.name}`;
  // The held band must be the named band or one of its sub-bands (5p14 at 550 → 5p14; 1q21 → 1q21.2).
  expect(name === `${type}${band}` || name.startsWith(`${type}${band}.`) || band.includes('.')).toBe(true);
  return normal(type, level).indexOf(name);
}

/** Bands p-ter → the break band (inclusive). */
const toBreak = (t: ChromosomeType, l: BandLevel, band: string): string[] =>
  normal(t, l).slice(0, breakIndex(t, l, band) + 1);
/** Bands from the break band (inclusive) → q-ter. */
const fromBreak = (t: ChromosomeType, l: BandLevel, band: string): string[] =>
  normal(t, l).slice(breakIndex(t, l, band));
/** Bands from one break band to another (both inclusive). */
const between = (t: ChromosomeType, l: BandLevel, a: string, b: string): string[] =>
  normal(t, l).slice(breakIndex(t, l, a), breakIndex(t, l, b) + 1);
/** Long arm only (the centromere break of rob, q10). */
const longArm = (t: ChromosomeType, l: BandLevel): string[] =>
  getIdeogram(t, l)
    .bands.filter((b) => b.arm === 'q')
    .map((b) => `${t}${b.name}`);

/** Band names of every derivative (non-normal chromosome) of a cell with `karyotype`, by name. */
function derivativeBands(karyotype: string, level: BandLevel): Map<string, string[]> {
  const cell = cellChromosomes(parseKaryotype(karyotype), level, createRandom(1));
  return new Map(
    cell
      .filter((c) => c.chromosome.breakpoints.length > 0)
      .map((c) => [c.chromosome.name, stainTrack(c.chromosome, level).bands.map((b) => b.band)]),
  );
}

interface Expectation {
  readonly karyotype: string;
  readonly derivatives: (level: BandLevel) => Record<string, string[]>;
}

const KINDS: Readonly<Record<string, Expectation>> = {
  'terminal del removes 5p14→pter': {
    karyotype: '46,XY,del(5)(p14)',
    derivatives: (l) => ({ 'del(5)(p14)': fromBreak('5', l, 'p14') }),
  },
  'interstitial del removes 5q13→q33': {
    karyotype: '46,XY,del(5)(q13q33)',
    derivatives: (l) => ({ 'del(5)(q13q33)': [...toBreak('5', l, 'q13'), ...fromBreak('5', l, 'q33')] }),
  },
  'dup repeats exactly 1q21→1q32, in the same order': {
    karyotype: '46,XY,dup(1)(q21q32)',
    derivatives: (l) => ({ 'dup(1)(q21q32)': [...toBreak('1', l, 'q32'), ...fromBreak('1', l, 'q21')] }),
  },
  'pericentric inv reverses 9p12→9q13': {
    karyotype: '46,XX,inv(9)(p12q13)',
    derivatives: (l) => ({
      'inv(9)(p12q13)': [
        ...toBreak('9', l, 'p12'),
        ...between('9', l, 'p12', 'q13').reverse(),
        ...fromBreak('9', l, 'q13'),
      ],
    }),
  },
  't exchanges 11q23→qter and 22q11.2→qter': {
    karyotype: '46,XX,t(11;22)(q23;q11.2)',
    derivatives: (l) => ({
      'der(11)t(11;22)(q23;q11.2)': [...toBreak('11', l, 'q23'), ...fromBreak('22', l, 'q11.2')],
      'der(22)t(11;22)(q23;q11.2)': [...toBreak('22', l, 'q11.2'), ...fromBreak('11', l, 'q23')],
    }),
  },
  't across arms hangs 3q21→qter upside down on 1p21, and 1pter→p21 on 3q21': {
    karyotype: '46,XX,t(1;3)(p21;q21)',
    derivatives: (l) => ({
      'der(1)t(1;3)(p21;q21)': [...fromBreak('3', l, 'q21').reverse(), ...fromBreak('1', l, 'p21')],
      'der(3)t(1;3)(p21;q21)': [...toBreak('3', l, 'q21'), ...toBreak('1', l, 'p21').reverse()],
    }),
  },
  'ins puts 5q31→q33 into 2p13 and takes it out of 5': {
    karyotype: '46,XX,ins(2;5)(p13;q31q33)',
    derivatives: (l) => ({
      'der(2)ins(2;5)(p13;q31q33)': [
        ...toBreak('2', l, 'p13'),
        ...between('5', l, 'q31', 'q33'),
        ...fromBreak('2', l, 'p13'),
      ],
      'der(5)ins(2;5)(p13;q31q33)': [...toBreak('5', l, 'q31'), ...fromBreak('5', l, 'q33')],
    }),
  },
  'rob joins 13q and 14q at the centromere, short arms lost': {
    karyotype: '45,XY,rob(13;14)(q10;q10)',
    derivatives: (l) => ({ 'der(13;14)(q10;q10)': [...longArm('13', l).reverse(), ...longArm('14', l)] }),
  },
};

describe('each derivative carries the bands its ISCN text names', () => {
  for (const [what, { karyotype, derivatives }] of Object.entries(KINDS)) {
    it(`${what} (${karyotype}) at every band level`, () => {
      for (const level of BAND_LEVELS) {
        expect(Object.fromEntries(derivativeBands(karyotype, level)), `${karyotype} at ${level}`).toEqual(
          derivatives(level),
        );
      }
    });
  }

  it('the drawn karyogram of a teaching case carries those same derivatives (400 bands)', () => {
    for (const { karyotype, derivatives } of Object.values(KINDS)) {
      const [cell] = generateCase({
        karyotype,
        cells: 1,
        level: 400,
        seed: 5,
        width: 700,
        height: 620,
      }).cells;
      const drawn = Object.fromEntries(
        (cell?.karyogram.chromosomes ?? [])
          .filter((c) => c.cell.chromosome.breakpoints.length > 0)
          .map((c) => [c.cell.chromosome.name, c.track.bands.map((b) => b.band)]),
      );
      expect(drawn, karyotype).toEqual(derivatives(400));
    }
  });
});
