import { describe, expect, it } from 'vitest';
import { generateCase } from '../../karyotype/synthetic-case';
import { profileSyntheticCells } from '../profiles/synthetic-cells';
import { typeMismatch } from './block-placement';
import { differenceRegion } from './difference-region';
import { changedSpan, spanAgreement } from './region-truth';
import { caseBandLevel, verdictPairs } from './score-case';

const KARYOTYPE = '46,XY,dup(1)(q21q32)';

/**
 * The suspected region of chromosome 1 in the teaching example as the app makes it (4 cells at 400
 * bands, read back from the karyogram images; the region does not depend on the model), and the true
 * changed span on the normal homolog.
 */
async function regionAndTruth(seed: number) {
  const synthetic = generateCase({ karyotype: KARYOTYPE, cells: 4, level: 400, seed });
  const cells = await profileSyntheticCells(synthetic.cells);
  const mismatch = typeMismatch(verdictPairs('1', cells).map((p) => p.homologs));
  const derivative = synthetic.cells[0]?.karyogram.chromosomes.find(
    (c) => c.cell.type === '1' && c.cell.chromosome.breakpoints.length > 0,
  );
  return {
    region: differenceRegion('1', caseBandLevel(cells), mismatch),
    truth: derivative ? changedSpan(derivative.cell.chromosome, '1') : null,
  };
}

// Issue #23: with a stretch as cheap as a gap, the duplicate's extra samples could be spread over
// evenly banded 1p, and seed 2's region came out 1p36-q21 (0.07-0.58 of length), short of q21. Each
// seed's region must reach into 1q21-q32; it may still be wider (seed 7: 1p36-q41).
describe(`the suspected region of the teaching case ${KARYOTYPE}`, () => {
  it.each([1, 2, 3, 4, 5, 6, 7])('overlaps 1q21-q32 (seed %i)', async (seed) => {
    const { region, truth } = await regionAndTruth(seed);
    expect(truth?.from).toBeCloseTo(0.6, 1);
    expect(truth?.to).toBeCloseTo(0.84, 1);
    expect(region).not.toBeNull();
    if (!region || !truth) return;
    expect(spanAgreement(region, truth).overlaps, `${region.bands} (${region.from}–${region.to})`).toBe(true);
  });
});
