import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../shared/chromosome-types';
import { createRandom } from '../shared/random';
import { cellChromosomes } from './cell-chromosomes';
import type { DerivativeChromosome } from './derivative-types';
import { normalChromosome } from './derivative-types';
import { applyRearrangement } from './derivatives';
import { getIdeogram } from './ideogram';
import { parseKaryotype } from './karyotype-parser';
import { isNumerical } from './karyotype-types';
import type { StainTrack } from './stain-track';
import { stainTrack } from './stain-track';

const LEVEL = 550;

function derivatives(text: string): DerivativeChromosome[] {
  const change = parseKaryotype(text).changes.find((c) => !isNumerical(c));
  if (!change || isNumerical(change)) throw new Error(`no rearrangement in ${text}`);
  return [...applyRearrangement(change, LEVEL).produces];
}

function only(text: string): StainTrack {
  const [first] = derivatives(text);
  if (!first) throw new Error(text);
  return stainTrack(first, LEVEL);
}

const normal = (type: ChromosomeType): StainTrack => stainTrack(normalChromosome(type), LEVEL);
const names = (track: StainTrack): string[] => track.bands.map((b) => b.band);
const segmentLength = (track: StainTrack, from: string, to: string): number => {
  const a = track.bands.find((b) => b.band === from);
  const b = track.bands.find((x) => x.band === to);
  if (!a || !b) throw new Error(`${from}-${to}`);
  return b.stop - a.start;
};

describe('derivative chromosomes', () => {
  it('del: a terminal deletion loses the arm distal to the break, an interstitial one the stretch between', () => {
    const terminal = only('46,XY,del(5)(p14)');
    expect(terminal.length).toBeLessThan(normal('5').length * 0.9);
    expect(names(terminal)[0]).toMatch(/^5p14/);
    expect(names(terminal)).not.toContain('5p15.3');
    expect(names(terminal).at(-1)).toBe('5q35.3');
    const interstitial = only('46,XY,del(5)(q13q33)');
    expect(interstitial.length).toBeLessThan(normal('5').length);
    expect(names(interstitial)).not.toContain('5q23.1');
    expect(names(interstitial).at(-1)).toBe('5q35.3');
    expect(interstitial.junctions).toHaveLength(1);
  });

  it('dup: lengthens by the duplicated stretch and repeats it in the same order', () => {
    const dup = only('46,XX,dup(1)(q21q32)');
    const base = normal('1');
    expect(dup.length).toBeGreaterThan(base.length * 1.15);
    const order = names(dup);
    const first = order.indexOf('1q25');
    expect(order.indexOf('1q25', first + 1)).toBeGreaterThan(first);
    expect(order.filter((n) => n === '1q31')).toHaveLength(2);
    expect(order.filter((n) => n === '1q41')).toHaveLength(1);
  });

  it('inv: keeps the length and reverses the band order between the breakpoints', () => {
    const inv = only('46,XY,inv(9)(p12q13)');
    const base = normal('9');
    expect(inv.length).toBeCloseTo(base.length, 6);
    const order = names(inv);
    expect(order.indexOf('9q12')).toBeLessThan(order.indexOf('9p11'));
    expect(order.indexOf('9p24')).toBe(0);
    expect(order.indexOf('9q21.1')).toBeGreaterThan(order.indexOf('9p12'));
    expect(inv.junctions).toHaveLength(2);
  });

  it('t: swaps the segments distal to the breakpoints and conserves total length', () => {
    const [der11, der22] = derivatives('46,XX,t(11;22)(q23;q11.2)').map((d) => stainTrack(d, LEVEL));
    if (!der11 || !der22) throw new Error('two derivatives expected');
    expect(names(der11)[0]).toBe('11p15.5');
    expect(names(der11).at(-1)).toBe('22q13.3');
    expect(names(der22)[0]).toBe('22p13');
    expect(names(der22).at(-1)).toBe('11q25');
    expect(der11.length + der22.length).toBeCloseTo(normal('11').length + normal('22').length, 6);
    // 22q11.2→qter is longer than 11q23→qter, so der(11) grows and der(22) shrinks.
    expect(der11.length).toBeGreaterThan(normal('11').length);
    expect(der22.length).toBeLessThan(normal('22').length);
  });

  it('t with breaks on opposite arms keeps each derivative one centromere and the right orientation', () => {
    const [derA] = derivatives('46,XX,t(1;3)(p21;q21)').map((d) => stainTrack(d, LEVEL));
    expect(derA && names(derA)[0]).toBe('3q29');
    expect(derA && names(derA).at(-1)).toBe('1q44');
  });

  it('rob: joins the two long arms at the centromere, without short arms', () => {
    const rob = only('45,XY,rob(13;14)(q10;q10)');
    const order = names(rob);
    expect(order[0]).toBe('13q34');
    expect(order.at(-1)).toBe('14q32.3');
    expect(order.some((n) => /^\d+p/.test(n))).toBe(false);
    const q13 = getIdeogram('13', LEVEL);
    const q14 = getIdeogram('14', LEVEL);
    expect(rob.length).toBeCloseTo(q13.length - q13.centromere + (q14.length - q14.centromere), 6);
    expect(rob.centromere).toBeCloseTo(q13.length - q13.centromere, 6);
  });

  it('ins: the recipient gains exactly what the donor loses', () => {
    const [der2, der5] = derivatives('46,XX,ins(2;5)(p13;q31q33)').map((d) => stainTrack(d, LEVEL));
    if (!der2 || !der5) throw new Error('two derivatives expected');
    const gained = der2.length - normal('2').length;
    expect(gained).toBeGreaterThan(0);
    expect(normal('5').length - der5.length).toBeCloseTo(gained, 6);
    expect(names(der2)).toContain('5q32');
    expect(names(der5)).not.toContain('5q32');
    expect(segmentLength(der2, '5q32', '5q32')).toBeGreaterThan(0);
  });

  it('draws acrocentric short arms at their ISCN size (real 21 and 22 measure so, stainTrack)', () => {
    const ideogram = getIdeogram('21', LEVEL);
    expect(normal('21').length).toBeCloseTo(ideogram.length, 6);
    expect(normal('21').centromere).toBeCloseTo(ideogram.centromere, 6);
    expect(normal('21').centromere / normal('21').length).toBeGreaterThan(0.3);
    expect(normal('1').length).toBe(15100);
  });
});

describe('cells', () => {
  const count = (text: string): Map<ChromosomeType, number> => {
    const cell = cellChromosomes(parseKaryotype(text), LEVEL, createRandom(3));
    const counts = new Map<ChromosomeType, number>();
    for (const c of cell) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
    return counts;
  };

  it('have the written number of chromosomes in the right slots', () => {
    const trisomy = count('47,XY,+21');
    expect([...trisomy.values()].reduce((a, b) => a + b, 0)).toBe(47);
    expect(trisomy.get('21')).toBe(3);
    const turner = count('45,X');
    expect(turner.get('X')).toBe(1);
    expect(turner.has('Y')).toBe(false);
    const klinefelter = count('47,XXY');
    expect([klinefelter.get('X'), klinefelter.get('Y')]).toEqual([2, 1]);
    const rob = count('45,XY,rob(13;14)(q10;q10)');
    expect([rob.get('13'), rob.get('14')]).toEqual([2, 1]);
  });

  it('number homologs 0, 1, 2 within a slot and carry the derivative', () => {
    const cell = cellChromosomes(parseKaryotype('46,XX,t(11;22)(q23;q11.2)'), LEVEL, createRandom(1));
    const slot11 = cell.filter((c) => c.type === '11');
    expect(slot11.map((c) => c.homolog)).toEqual([0, 1]);
    expect(slot11.map((c) => c.chromosome.name).sort()).toEqual(['11', 'der(11)t(11;22)(q23;q11.2)']);
  });

  it('refuse a change that needs a chromosome the cell no longer has', () => {
    expect(() => cellChromosomes(parseKaryotype('43,XX,-21,-21,-21'), LEVEL, createRandom(1))).toThrow(
      /no normal chromosome 21/,
    );
  });
});
