import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../shared/chromosome-types';
import { lengthGroupOf } from '../shared/chromosome-types';
import { PROFILE_LENGTH } from '../shared/profile';
import { createRandom } from '../shared/random';
import type { HomologPair } from './artificial-bags';
import { applyChangeToBag, differentTypeBag, sameGroupPartners } from './artificial-bags';
import type { ArtificialChange } from './artificial-changes';
import {
  applyArtificialChange,
  ARTIFICIAL_KINDS,
  drawArtificialChange,
  pieceSamples,
  STANDARD_SEGMENTS,
  SUBTLE_SEGMENTS,
} from './artificial-changes';
import {
  deleteSegment,
  duplicateSegment,
  invertSegment,
  replaceSegment,
  robertsonianRepeat,
} from './profile-edits';
import type { SizedProfile } from './true-profile';

/** A profile whose sample i holds `base + i` in row 0 and `-(base + i)` in row 1, so moves are traceable. */
function ramp(length: number, base = 1): SizedProfile {
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < length; i++) {
    profile[i] = base + i;
    profile[PROFILE_LENGTH + i] = -(base + i);
  }
  return { profile, length };
}

const row = (p: SizedProfile, r: 0 | 1, from = 0, to = p.length): number[] =>
  Array.from(p.profile.subarray(r * PROFILE_LENGTH + from, r * PROFILE_LENGTH + to));

const padding = (p: SizedProfile): number[] => [
  ...row(p, 0, p.length, PROFILE_LENGTH),
  ...row(p, 1, p.length, PROFILE_LENGTH),
];

describe('profile edits', () => {
  const p = ramp(200);

  it('deleted: shortens by the segment and closes the gap', () => {
    const d = deleteSegment(p, 50, 80);
    expect(d.length).toBe(170);
    expect(row(d, 0, 48, 52)).toEqual([49, 50, 81, 82]);
    expect(padding(d).every((v) => v === 0)).toBe(true);
  });

  it('duplicated: lengthens by the segment, repeated in tandem', () => {
    const d = duplicateSegment(p, 50, 60);
    expect(d.length).toBe(210);
    expect(row(d, 0, 58, 62)).toEqual([59, 60, 51, 52]);
    expect(row(d, 1, 68, 72)).toEqual([-59, -60, -61, -62]);
  });

  it('inversion: keeps length and reverses BOTH rows inside the segment, halves kept unless asked', () => {
    const inv = invertSegment(p, 10, 20);
    expect(inv.length).toBe(200);
    expect(row(inv, 0, 9, 21)).toEqual([10, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 21]);
    expect(row(inv, 1, 10, 12)).toEqual([-20, -19]);
    const turned = invertSegment(p, 10, 20, true);
    expect(row(turned, 0, 10, 12)).toEqual([-20, -19]);
    expect(row(turned, 1, 10, 12)).toEqual([20, 19]);
    expect(row(turned, 0, 9, 10)).toEqual([10]);
  });

  it('translocation: replaces a segment with the donor piece, length kept', () => {
    const donor = ramp(100, 1000);
    const t = replaceSegment(p, 190, 200, donor, 5);
    expect(t.length).toBe(200);
    expect(row(t, 0, 188, 192)).toEqual([189, 190, 1005, 1006]);
  });

  it('robertsonian: mirrored repeat, length doubled and clipped to 512', () => {
    const r = robertsonianRepeat(ramp(100));
    expect(r.length).toBe(200);
    expect(row(r, 0, 98, 102)).toEqual([2, 1, 1, 2]);
    expect(robertsonianRepeat(ramp(300)).length).toBe(PROFILE_LENGTH);
  });

  it('reject segments outside the profile', () => {
    expect(() => deleteSegment(p, 190, 210)).toThrow(/not inside a profile of length 200/);
    expect(() => invertSegment(p, 20, 20)).toThrow();
  });
});

describe('artificial changes', () => {
  it('draw piece lengths inside the requested range', () => {
    const random = createRandom(7);
    for (const range of [STANDARD_SEGMENTS, SUBTLE_SEGMENTS]) {
      for (let i = 0; i < 200; i++) {
        const change = drawArtificialChange('deleted', random, range);
        expect(change.span).toBeGreaterThanOrEqual(range.min);
        expect(change.span).toBeLessThanOrEqual(range.max);
        expect(change.start).toBeGreaterThanOrEqual(0);
        expect(change.start + change.span).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    expect(() => drawArtificialChange('deleted', random, { min: 0.3, max: 0.1 })).toThrow(/0 < min <= max/);
  });

  it('change lengths as A.1 says for every kind', () => {
    const random = createRandom(11);
    const p = ramp(300);
    const donor = ramp(250, 1000);
    for (const kind of ARTIFICIAL_KINDS) {
      const change = drawArtificialChange(kind, random, SUBTLE_SEGMENTS);
      const [start, end] = pieceSamples(p.length, change.start, change.span);
      const piece = end - start;
      expect(piece / p.length).toBeGreaterThanOrEqual(0.05 - 1 / p.length);
      expect(piece / p.length).toBeLessThanOrEqual(0.1 + 1 / p.length);
      const out = applyArtificialChange(p, change, donor);
      const expected = {
        deleted: 300 - piece,
        'added-foreign': 300 + piece,
        duplicated: 300 + piece,
        'replaced-inversion': 300,
        'replaced-translocation': 300,
        robertsonian: PROFILE_LENGTH,
      }[kind];
      expect(out.length, kind).toBe(expected);
    }
    expect(() => applyArtificialChange(p, { ...drawArtificialChange('added-foreign', random) })).toThrow(
      /needs a donor/,
    );
  });

  it('added-foreign inserts donor samples, not own ones', () => {
    const change: ArtificialChange = {
      kind: 'added-foreign',
      start: 0,
      span: 0.1,
      site: 0.5,
      donorStart: 0.2,
    };
    const out = applyArtificialChange(ramp(100), change, ramp(100, 1000));
    expect(row(out, 0, 49, 52)).toEqual([50, 1020, 1021]);
    expect(out.length).toBe(110);
  });
});

describe('bags', () => {
  const bag: HomologPair[] = [ramp(100), ramp(200), ramp(150)].map((p) => ({ first: p, second: p }));

  it('apply the same relative change to the chosen homolog of every pair', () => {
    const change: ArtificialChange = { kind: 'deleted', start: 0.5, span: 0.2, site: 0, donorStart: 0 };
    const out = applyChangeToBag(bag, change, 1);
    expect(out.map((pair) => pair.second.length)).toEqual([80, 160, 120]);
    expect(out.map((pair) => pair.first.length)).toEqual([100, 200, 150]);
    // The break sits at half the length in every cell.
    expect(out.map((pair) => row(pair.second, 0, 0, PROFILE_LENGTH)[pair.first.length / 2])).toEqual([
      71, 141, 106,
    ]);
  });

  it('need one donor per pair for foreign pieces', () => {
    const change: ArtificialChange = {
      kind: 'replaced-translocation',
      start: 0,
      span: 0.2,
      site: 0,
      donorStart: 0,
    };
    expect(() => applyChangeToBag(bag, change, 0, [ramp(50)])).toThrow(/one donor per pair/);
    const out = applyChangeToBag(bag, change, 0, [ramp(50, 1000), ramp(50, 1000), ramp(50, 1000)]);
    expect(out.map((pair) => pair.first.length)).toEqual([100, 200, 150]);
  });

  it('pair different types from one length group, the same partner in every cell', () => {
    expect(sameGroupPartners('21', ['21', '22', 'Y', '1'])).toEqual(['22', 'Y']);
    expect(sameGroupPartners('X', ['X', '6', '7'])).toEqual(['6', '7']);
    const cell = new Map<ChromosomeType, SizedProfile[]>([
      ['4', [ramp(90), ramp(91)]],
      ['5', [ramp(80, 500), ramp(81, 500)]],
      ['1', [ramp(150)]],
    ]);
    const result = differentTypeBag('4', [cell, cell], createRandom(2));
    expect(result?.partner).toBe('5');
    expect(result && lengthGroupOf(result.partner)).toBe('B');
    for (const pair of result?.bag ?? []) {
      const firsts = [pair.first.profile[0], pair.second.profile[0]].sort();
      expect(firsts).toEqual([1, 500]);
    }
    expect(differentTypeBag('1', [cell], createRandom(2))).toBeUndefined();
  });
});
