import { describe, expect, it } from 'vitest';
import { getIdeogram } from './ideogram';
import { centromereRegion, regionBandLabels, regionBands, regionFractions } from './region-bands';

/** A position of chromosome 5 at 400 bands (length 10,600 ISCN units) as a fraction of its length. */
const at5 = (units: number): number => units / getIdeogram('5', 400).length;

describe('regionBands', () => {
  it('names the first tenth of chromosome 5 at 400 bands from p15.3 to p14, with an en dash', () => {
    expect(regionBands('5', 400, 0, 0.1)).toBe('5p15.3–p14');
  });

  it('names a stretch inside one band by that band alone', () => {
    expect(regionBands('5', 400, at5(1100), at5(1800))).toBe('5p14');
  });

  it('does not name the next band when a stretch ends exactly on a band boundary', () => {
    expect(regionBands('5', 400, at5(1028), at5(2444))).toBe('5p14–p13');
  });

  it('names both arms for a stretch across the centromere', () => {
    expect(regionBands('5', 400, at5(2720), at5(2950))).toBe('5p11–q11.1');
  });

  it('ends the last stretch on the q-ter band, listing bands p-ter first whatever the order given', () => {
    expect(regionBands('5', 400, 1, 0.9)).toBe('5q33–q35');
    expect(regionBands('X', 550, 0.95, 1)).toBe('Xq28');
  });

  it('follows the band level: finer levels name sub-bands', () => {
    expect(regionBands('5', 300, 0, 0.05)).toBe('5p15');
    expect(regionBands('5', 700, 0, 0.05)).toBe('5p15.33–p15.31');
  });
});

describe('regionFractions', () => {
  it('maps fixed groups of samples onto fractions of the homolog’s own length', () => {
    expect(regionFractions(320, 32, 0)).toEqual({ from: 0, to: 0.1 });
    expect(regionFractions(320, 32, 9)).toEqual({ from: 0.9, to: 1 });
    // A longer homolog's same region covers less of its length.
    expect(regionFractions(400, 32, 0)).toEqual({ from: 0, to: 0.08 });
  });

  it('cuts the last region at q-ter and has none in the padding after it', () => {
    expect(regionFractions(300, 32, 9)).toEqual({ from: 288 / 300, to: 1 });
    expect(regionFractions(300, 32, 10)).toBeNull();
    expect(regionFractions(0, 32, 0)).toBeNull();
  });
});

describe('regionBandLabels', () => {
  it('labels every region of a homolog p-ter to q-ter and leaves the padding unnamed', () => {
    const labels = regionBandLabels('5', 400, 300, 32, 16);
    expect(labels[0]).toBe('5p15.3–p14');
    expect(labels[9]).toBe('5q35');
    expect(labels.slice(10)).toEqual([null, null, null, null, null, null]);
    expect(labels.filter((l) => l !== null && /^5p.*q/.test(l))).toHaveLength(1);
  });
});

describe('centromereRegion', () => {
  it('is the region whose bands cross from p to q', () => {
    // 5 at 400 bands: centromere at 2,845 of 10,600 units; 300 samples → sample 80 → region 2.
    expect(centromereRegion('5', 400, 300, 32)).toBe(2);
    expect(regionBandLabels('5', 400, 300, 32, 16)[2]).toMatch(/^5p.*–q/);
    expect(centromereRegion('5', 400, 0, 32)).toBeNull();
  });
});
