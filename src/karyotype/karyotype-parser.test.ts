import { describe, expect, it } from 'vitest';
import { parseKaryotypeClones, assignClones } from './karyotype-clones';
import { parseKaryotype } from './karyotype-parser';
import { KaryotypeSyntaxError } from './karyotype-types';

function errorOf(text: string): KaryotypeSyntaxError {
  try {
    parseKaryotype(text);
  } catch (error) {
    if (error instanceof KaryotypeSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseKaryotype', () => {
  it('reads count, sex chromosomes and every supported change', () => {
    expect(parseKaryotype('46,XY,del(5)(p14)')).toMatchObject({
      count: 46,
      sexChromosomes: ['X', 'Y'],
      changes: [{ kind: 'del', types: ['5'], bands: ['p14'], text: 'del(5)(p14)' }],
    });
    expect(parseKaryotype('46,XX,dup(1)(q21q32)').changes[0]).toMatchObject({ bands: ['q21', 'q32'] });
    expect(parseKaryotype('46,XY,inv(9)(p12q13)').changes[0]).toMatchObject({
      kind: 'inv',
      bands: ['p12', 'q13'],
    });
    expect(parseKaryotype('46,XX,t(11;22)(q23;q11.2)').changes[0]).toMatchObject({
      kind: 't',
      types: ['11', '22'],
      bands: ['q23', 'q11.2'],
    });
    expect(parseKaryotype('45,XY,rob(13;14)(q10;q10)').changes[0]).toMatchObject({
      kind: 'rob',
      types: ['13', '14'],
    });
    expect(parseKaryotype('46,XX,ins(2;5)(p13;q31q33)').changes[0]).toMatchObject({
      kind: 'ins',
      types: ['2', '5'],
      bands: ['p13', 'q31', 'q33'],
    });
    expect(parseKaryotype('47,XY,+21').changes).toEqual([{ kind: 'gain', type: '21' }]);
    expect(parseKaryotype('45,X')).toMatchObject({ count: 45, sexChromosomes: ['X'], changes: [] });
    expect(parseKaryotype('47,XXY').sexChromosomes).toEqual(['X', 'X', 'Y']);
    expect(parseKaryotype(' 46,XX,del(5)(q13q33) ').text).toBe('46,XX,del(5)(q13q33)');
  });

  it('says what is wrong and at which character', () => {
    const badBand = errorOf('46,XY,del(5)(x14)');
    expect(badBand.position).toBe(13);
    expect(badBand.message).toMatch(/expected a band .* found "x" at character 14/);
    expect(errorOf('46,XY,del(5)(p99)').message).toMatch(/band 5p99 does not exist at character 14/);
    expect(errorOf('46,XY,foo(5)(p14)').position).toBe(6);
    expect(errorOf('46,XY,del(25)(p14)').message).toMatch(/chromosome 1-22, X or Y, found "25"/);
    expect(errorOf('46,XY,t(11)(q23)').message).toMatch(/t takes 2 chromosome/);
    expect(errorOf('46,XY,inv(9)(p12)').message).toMatch(/inv needs 2 band/);
    expect(errorOf('46,XY,del(5)(p14').message).toMatch(/expected "\)" but the text ends/);
    expect(errorOf('46,AB').position).toBe(3);
    expect(errorOf('XY').message).toMatch(/chromosome count/);
  });

  it('checks the chromosome count against the changes', () => {
    expect(errorOf('46,XY,+21').message).toMatch(/count 46 disagrees with the 47/);
    expect(errorOf('46,XY,rob(13;14)(q10;q10)').message).toMatch(/disagrees with the 45/);
    expect(errorOf('46,X').message).toMatch(/disagrees with the 45/);
    expect(() => parseKaryotype('45,XX,-22')).not.toThrow();
  });

  it('accepts rob only between acrocentrics at q10', () => {
    expect(errorOf('45,XY,rob(1;14)(q10;q10)').message).toMatch(/two acrocentrics/);
    expect(errorOf('45,XY,rob(13;14)(q11;q10)').message).toMatch(/q10;q10/);
  });
});

describe('mosaic karyotypes', () => {
  it('parse clones with counts and keep error positions in the whole text', () => {
    const clones = parseKaryotypeClones('mos 47,XY,+21[6]/46,XY[14]');
    expect(clones.map((c) => [c.karyotype.text, c.cells])).toEqual([
      ['47,XY,+21', 6],
      ['46,XY', 14],
    ]);
    try {
      parseKaryotypeClones('mos 47,XY,+21[6]/46,XY,del(5)(z1)[14]');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KaryotypeSyntaxError);
      expect((error as KaryotypeSyntaxError).position).toBe('mos 47,XY,+21[6]/46,XY,del(5)('.length);
    }
  });

  it('share cells between clones in proportion to their counts', () => {
    const clones = parseKaryotypeClones('mos 47,XY,+21[6]/46,XY[14]');
    const assignment = assignClones(clones, 10);
    expect(assignment.filter((i) => i === 0)).toHaveLength(3);
    expect(assignment).toHaveLength(10);
  });
});
