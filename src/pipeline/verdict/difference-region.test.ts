import { describe, expect, it } from 'vitest';
import { generateCase } from '../../karyotype/synthetic-case';
import { cellTrueProfiles } from '../../karyotype/true-profile';
import { PROFILE_LENGTH } from '../../shared/profile';
import { binned, differenceRegion, strongestStretch } from './difference-region';
import { DEFAULT_ALIGNMENT_COSTS, pairMismatch } from './profile-alignment';
import { changedSpan } from './region-truth';

/** A normal chromosome 3's noise-free profile from a rendered synthetic cell (real banding, at scale). */
function normalThree(): { profile: Float32Array; samples: number } {
  const cell = generateCase({ karyotype: '46,XX', cells: 1, level: 400, seed: 3 }).cells[0];
  const three = cell ? cellTrueProfiles(cell.karyogram).find((p) => p.type === '3') : undefined;
  if (!three) throw new Error('no chromosome 3');
  return { profile: three.profile.profile, samples: three.profile.length };
}

/** The same chromosome with its samples rearranged: `order` lists, p-ter first, which samples it keeps. */
function edited(normal: { profile: Float32Array; samples: number }, order: readonly number[]) {
  const profile = new Float32Array(normal.profile.length);
  order.forEach((k, i) => {
    profile[i] = normal.profile[k] ?? 0;
    profile[PROFILE_LENGTH + i] = normal.profile[PROFILE_LENGTH + k] ?? 0;
  });
  return { profile, samples: order.length };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/** Three cells' pairs of a normal homolog and its edited partner (as in a patient, every cell alike). */
function pairsOf(normal: { profile: Float32Array; samples: number }, order: readonly number[]) {
  const pair = pairMismatch(normal, edited(normal, order));
  return [pair, pair, pair];
}

describe('differenceRegion from the homologs’ banding alignment', () => {
  const normal = normalThree();
  const n = normal.samples;
  const at = (fraction: number): number => Math.round(fraction * n);

  it('puts a terminal deletion’s region on the deleted end (p-ter → 20 %)', () => {
    const region = differenceRegion('3', 400, pairsOf(normal, range(at(0.2), n)));
    expect(region).not.toBeNull();
    expect(region?.from ?? 1).toBeLessThanOrEqual(0.02);
    expect(region?.to ?? 0).toBeGreaterThanOrEqual(0.15);
    expect(region?.to ?? 1).toBeLessThanOrEqual(0.3);
    expect(region?.bands).toMatch(/^3p26/);
  });

  it('puts a q-terminal deletion’s region on the q-ter end', () => {
    const region = differenceRegion('3', 400, pairsOf(normal, range(0, at(0.85))));
    expect(region?.from ?? 0).toBeGreaterThanOrEqual(0.75);
    expect(region?.to ?? 0).toBeGreaterThanOrEqual(0.98);
  });

  it('covers an inversion’s inverted segment to within 10 % of length', () => {
    const order = [...range(0, at(0.55)), ...range(at(0.55), at(0.8)).reverse(), ...range(at(0.8), n)];
    const region = differenceRegion('3', 400, pairsOf(normal, order));
    expect(region).not.toBeNull();
    expect(Math.abs((region?.from ?? 0) - 0.55)).toBeLessThanOrEqual(0.1);
    expect(Math.abs((region?.to ?? 0) - 0.8)).toBeLessThanOrEqual(0.1);
  });

  it('finds an interstitial deletion between its breaks', () => {
    const region = differenceRegion('3', 400, pairsOf(normal, [...range(0, at(0.3)), ...range(at(0.45), n)]));
    const centre = ((region?.from ?? 0) + (region?.to ?? 0)) / 2;
    expect(centre).toBeGreaterThan(0.3);
    expect(centre).toBeLessThan(0.45);
  });

  it('marks the deleted stretch of the normal homolog as having no counterpart, and nothing else', () => {
    const [pair] = pairsOf(normal, range(at(0.2), n));
    if (!pair) throw new Error('no pair');
    expect(Math.min(...pair[0].subarray(0, at(0.2)))).toBe(1);
    // Smoothing (radius 2) blurs the samples next to the new p-ter; past them the match is near exact.
    const smoothing = DEFAULT_ALIGNMENT_COSTS.smooth;
    expect(Math.max(...pair[0].subarray(at(0.2) + smoothing + 1))).toBeLessThan(0.1);
    expect(Math.max(...pair[1].subarray(smoothing + 1))).toBeLessThan(0.1);
  });

  it('finds no region for two identical homologs', () => {
    expect(differenceRegion('3', 400, pairsOf(normal, range(0, n)))).toBeNull();
  });

  it('includes the deleted end for the rendered homologs of 46,XY,del(5)(p14)', () => {
    // Rendered homologs differ in stain and length even when normal, so this asserts less than above.
    const synthetic = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 3, level: 400, seed: 3 });
    const pairs = synthetic.cells.map((cell) => {
      const [a, b] = cellTrueProfiles(cell.karyogram)
        .filter((p) => p.type === '5')
        .map((p) => ({ profile: p.profile.profile, samples: p.profile.length }));
      if (!a || !b) throw new Error('no pair of 5');
      return pairMismatch(a, b);
    });
    const deleted = synthetic.cells[0]?.karyogram.chromosomes.find(
      (c) => c.cell.chromosome.breakpoints.length > 0,
    );
    const truth = deleted ? changedSpan(deleted.cell.chromosome, '5') : null;
    const region = differenceRegion('5', 400, pairs);
    expect(truth?.from).toBe(0);
    expect(region?.from ?? 1).toBeLessThanOrEqual(0.02);
    expect(region?.to ?? 0).toBeGreaterThanOrEqual(truth?.to ?? 1);
  });
});

describe('pooling helpers', () => {
  it('bins per-sample values by fractions of length', () => {
    const values = new Float32Array(10).fill(0);
    values.fill(1, 0, 5);
    expect(Array.from(binned(values, 2))).toEqual([1, 0]);
    expect(Array.from(binned(values, 4))).toEqual([1, 1, 0, 0]);
  });

  it('picks the contiguous stretch with the largest excess over the baseline', () => {
    const curve = Float64Array.from([0, 0.9, 0.9, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0]);
    // At 0.45, bins 1–2 exceed it by 0.9, and bridging bin 3 (−0.45) to bins 4–8 (+0.25) would lose;
    // at 0.2 the bridge costs 0.2 and bins 4–8 add 1.5, so the stretch spans both.
    expect(strongestStretch(curve, 0.45)).toEqual({ first: 1, last: 2 });
    expect(strongestStretch(curve, 0.2)).toEqual({ first: 1, last: 8 });
    expect(strongestStretch(curve, 0.95)).toBeNull();
  });
});
