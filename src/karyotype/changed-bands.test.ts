import { describe, expect, it } from 'vitest';
import { changedBands } from './changed-bands';
import { parseKaryotype } from './karyotype-parser';

const of = (karyotype: string): { type: string; bands: string }[] =>
  parseKaryotype(karyotype).changes.flatMap((c) =>
    changedBands(c, 400).map(({ type, bands }) => ({ type, bands })),
  );

describe('changedBands names where a change is, from the ISCN text', () => {
  it('names the stretch of every kind, p-ter first', () => {
    expect(of('46,XX,inv(9)(p12q13)')).toEqual([{ type: '9', bands: '9p12–q13' }]);
    expect(of('46,XY,del(5)(p14)')).toEqual([{ type: '5', bands: '5pter–p14' }]);
    expect(of('46,XY,del(4)(q31)')).toEqual([{ type: '4', bands: '4q31–qter' }]);
    expect(of('46,XY,del(5)(q33q13)')).toEqual([{ type: '5', bands: '5q13–q33' }]);
    expect(of('46,XY,dup(1)(q21q32)')).toEqual([{ type: '1', bands: '1q21–q32' }]);
    expect(of('46,XX,t(11;22)(q23;q11.2)')).toEqual([
      { type: '11', bands: '11q23–qter' },
      { type: '22', bands: '22q11.2–qter' },
    ]);
    expect(of('46,XX,ins(2;5)(p13;q31q33)')).toEqual([
      { type: '2', bands: '2p13' },
      { type: '5', bands: '5q31–q33' },
    ]);
    expect(of('45,XY,rob(13;14)(q10;q10)')).toEqual([
      { type: '13', bands: '13pter–q10' },
      { type: '14', bands: '14pter–q10' },
    ]);
    expect(of('47,XY,+21')).toEqual([{ type: '21', bands: 'whole 21' }]);
  });

  it('gives the stretch as fractions of the normal length, whole named bands included', () => {
    const [dup] = parseKaryotype('46,XY,dup(1)(q21q32)').changes.flatMap((c) => changedBands(c, 400));
    // 1q21 starts at 8672 and 1q32 ends at 13272 of 15100 ISCN units (bands-data.ts, 400 bands).
    expect(dup?.from).toBeCloseTo(8672 / 15100, 6);
    expect(dup?.to).toBeCloseTo(13272 / 15100, 6);
    const [del] = parseKaryotype('46,XY,del(5)(p14)').changes.flatMap((c) => changedBands(c, 400));
    expect([del?.from, del?.to]).toEqual([0, 1897 / 10600]);
  });
});
