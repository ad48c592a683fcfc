import { describe, expect, it } from 'vitest';
import { bandBreakpoint, bandInterval, bandRangeLabel, locateBand, parseBandName } from './band-names';
import { getIdeogram } from './ideogram';

describe('band names', () => {
  it('parse arm and number', () => {
    expect(parseBandName('q11.2')).toEqual({ arm: 'q', number: '11.2' });
    expect(parseBandName('p10')).toEqual({ arm: 'p', number: '10' });
    expect(parseBandName('qter')).toEqual({ arm: 'q', number: 'ter' });
    expect(parseBandName('x14')).toBeUndefined();
    expect(parseBandName('q')).toBeUndefined();
  });

  it('locate a band as a fraction of length, coarse names spanning their sub-bands', () => {
    const p14 = bandInterval('5', 700, 'p14');
    const subBands = getIdeogram('5', 700).bands.filter((b) => b.name.startsWith('p14.'));
    expect(subBands.length).toBeGreaterThan(1);
    expect(p14.from).toBeCloseTo((subBands[0]?.start ?? NaN) / getIdeogram('5', 700).length, 6);
    expect(p14.to).toBeCloseTo((subBands.at(-1)?.stop ?? NaN) / getIdeogram('5', 700).length, 6);
    const centromere = getIdeogram('5', 700).centromere / getIdeogram('5', 700).length;
    expect(p14.to).toBeLessThan(centromere);
  });

  it('resolve a band finer than the table to the band that contains it', () => {
    const fine = bandInterval('22', 300, 'q11.21');
    const coarse = bandInterval('22', 300, 'q11.2');
    expect(fine).toEqual(coarse);
    expect(bandInterval('9', 400, 'q13').from).toBeGreaterThan(bandInterval('9', 400, 'q12').from);
  });

  it('put p10/q10 at the centromere and pter/qter at the ends', () => {
    const ideogram = getIdeogram('13', 550);
    expect(bandBreakpoint('13', 550, 'q10')).toBeCloseTo(ideogram.centromere / ideogram.length, 9);
    expect(bandBreakpoint('13', 550, 'p10')).toBeCloseTo(ideogram.centromere / ideogram.length, 9);
    expect(bandBreakpoint('13', 550, 'pter')).toBe(0);
    expect(bandBreakpoint('13', 550, 'qter')).toBe(1);
  });

  it('reject bands that do not exist', () => {
    expect(() => bandInterval('5', 550, 'p99')).toThrow(/5p99 does not exist at the 550-band level/);
    expect(() => bandInterval('21', 550, 'q31')).toThrow(/21q31/);
  });

  it('turn a fraction range back into an ISCN band range', () => {
    const ideogram = getIdeogram('5', 550);
    const at = (name: string): { start: number; stop: number } => {
      const band = ideogram.bands.find((b) => b.name === name);
      if (!band) throw new Error(name);
      return band;
    };
    const from = (at('p15.3').start + 1) / ideogram.length;
    const to = at('p15.1').stop / ideogram.length;
    expect(bandRangeLabel('5', 550, from, to)).toBe('5p15.3-p15.1');
    expect(bandRangeLabel('5', 550, to, from)).toBe('5p15.3-p15.1');
    const mid = (at('p14').start + at('p14').stop) / 2 / ideogram.length;
    expect(bandRangeLabel('5', 550, mid, mid + 0.001)).toBe('5p14');
    expect(bandRangeLabel('1', 700, 0, 1)).toBe('1p36.33-q44');
  });

  it('resolve full names with their chromosome', () => {
    const band = locateBand('22q11.2', 550);
    expect(band.type).toBe('22');
    expect(band.breakpoint).toBeGreaterThan(band.from);
    expect(band.breakpoint).toBeLessThan(band.to);
    expect(locateBand('13q10', 400).breakpoint).toBeCloseTo(bandBreakpoint('13', 400, 'q10'), 9);
    expect(locateBand('11q23', 700).from).toBeGreaterThan(0.75);
    expect(() => locateBand('25p14', 400)).toThrow(/not a band name/);
    expect(() => locateBand('9q99', 400)).toThrow(/9q99 does not exist/);
  });
});
