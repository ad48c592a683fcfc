import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { bandBreakpoint, parseBandName } from './band-names';
import type { Breakpoint, DerivativeChromosome, Segment } from './derivative-types';
import type { StructuralChange } from './karyotype-types';

/** What a rearrangement does to a cell: the normal chromosomes it uses up and the derivatives it makes. */
export interface RearrangementResult {
  readonly consumes: readonly ChromosomeType[];
  readonly produces: readonly DerivativeChromosome[];
}

interface Break extends Breakpoint {
  readonly arm: 'p' | 'q';
}

function locate(type: ChromosomeType, band: string, level: BandLevel): Break {
  const parsed = parseBandName(band);
  if (!parsed) throw new Error(`"${band}" is not a band name`);
  return {
    source: type,
    band: `${type}${band}`,
    sourceFraction: bandBreakpoint(type, level, band),
    arm: parsed.arm,
  };
}

function toBreakpoint({ source, band, sourceFraction }: Break): Breakpoint {
  return { source, band, sourceFraction };
}

const seg = (source: ChromosomeType, from: number, to: number): Segment => ({ source, from, to });

/**
 * Derivative chromosomes of one structural change at `level` (breakpoints sit mid-band, so their
 * fractions depend on the level). Orientation follows ISCN: p-ter of the derivative on top.
 */
export function applyRearrangement(change: StructuralChange, level: BandLevel): RearrangementResult {
  const [a, b] = change.types;
  if (a === undefined) throw new Error(`${change.text}: no chromosome`);
  // The first band is on the first chromosome; any further ones are on the second when there is one
  // (t and rob: one band each; ins: the site on the recipient, then two on the donor).
  const breaks = change.bands.map((band, i) => locate(i === 0 || b === undefined ? a : b, band, level));
  const bp = breaks.map(toBreakpoint);
  const one = (segments: Segment[], name = change.text): RearrangementResult => ({
    consumes: [a],
    produces: [{ placement: a, name, segments, breakpoints: bp }],
  });
  const [b1, b2, b3] = breaks;
  if (!b1) throw new Error(`${change.text}: no breakpoint`);
  switch (change.kind) {
    case 'del': {
      if (!b2) return one(b1.arm === 'p' ? [seg(a, b1.sourceFraction, 1)] : [seg(a, 0, b1.sourceFraction)]);
      const [lo, hi] = sorted(b1.sourceFraction, b2.sourceFraction);
      return one([seg(a, 0, lo), seg(a, hi, 1)]);
    }
    case 'dup': {
      const [lo, hi] = sorted(b1.sourceFraction, b2?.sourceFraction ?? b1.sourceFraction);
      return one([seg(a, 0, hi), seg(a, lo, 1)]);
    }
    case 'inv': {
      const [lo, hi] = sorted(b1.sourceFraction, b2?.sourceFraction ?? b1.sourceFraction);
      return one([seg(a, 0, lo), seg(a, hi, lo), seg(a, hi, 1)]);
    }
    case 't': {
      if (!b2 || b === undefined) throw new Error(`${change.text}: t needs two chromosomes`);
      return {
        consumes: [a, b],
        produces: [
          { placement: a, name: `der(${a})${change.text}`, segments: exchange(b1, b2), breakpoints: bp },
          { placement: b, name: `der(${b})${change.text}`, segments: exchange(b2, b1), breakpoints: bp },
        ],
      };
    }
    case 'rob': {
      if (!b2 || b === undefined) throw new Error(`${change.text}: rob needs two chromosomes`);
      // Both long arms joined at the centromere: a's q arm upside down on top, b's q arm below.
      const segments = [seg(a, 1, b1.sourceFraction), seg(b, b2.sourceFraction, 1)];
      const name = `der(${a};${b})(q10;q10)`;
      return { consumes: [a, b], produces: [{ placement: a, name, segments, breakpoints: bp }] };
    }
    case 'ins': {
      if (!b2 || !b3 || b === undefined)
        throw new Error(`${change.text}: ins needs a site and two donor bands`);
      const site = b1.sourceFraction;
      const [lo, hi] = sorted(b2.sourceFraction, b3.sourceFraction);
      return {
        consumes: [a, b],
        produces: [
          {
            placement: a,
            name: `der(${a})${change.text}`,
            // Written order of the donor bands gives the orientation (q31q33 direct, q33q31 inverted).
            segments: [seg(a, 0, site), seg(b, b2.sourceFraction, b3.sourceFraction), seg(a, site, 1)],
            breakpoints: bp,
          },
          {
            placement: b,
            name: `der(${b})${change.text}`,
            segments: [seg(b, 0, lo), seg(b, hi, 1)],
            breakpoints: bp,
          },
        ],
      };
    }
  }
}

function sorted(x: number, y: number): [number, number] {
  return x <= y ? [x, y] : [y, x];
}

/**
 * The derivative of `own` in a reciprocal translocation: its part proximal to the break (the part with
 * the centromere) joined, break to break, with the part of `other` distal to its break.
 */
function exchange(own: Break, other: Break): Segment[] {
  const o = own.source;
  const x = other.source;
  const f = own.sourceFraction;
  const g = other.sourceFraction;
  // The foreign distal piece, oriented so that its break end touches own's break end.
  if (own.arm === 'q') {
    return [seg(o, 0, f), other.arm === 'q' ? seg(x, g, 1) : seg(x, g, 0)];
  }
  return [other.arm === 'p' ? seg(x, 0, g) : seg(x, 1, g), seg(o, f, 1)];
}
