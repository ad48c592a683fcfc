import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { CaseChromosome, ProfiledCaseCell } from '../profiles/profiled-case';
import { unscoredReason, verdictBasis, verdictPairs } from './score-case';

function chromosome(
  homolog: number,
  axisCoverage?: number,
  cutOutDoubt?: string,
  chromatidDisagreement?: number,
): CaseChromosome {
  return {
    type: '7',
    homolog,
    profile: new Float32Array(2 * PROFILE_LENGTH),
    samples: 100,
    straightened: createGrayImage(10, 100, 255),
    confidence: 1,
    ...(axisCoverage !== undefined ? { axisCoverage } : {}),
    ...(cutOutDoubt !== undefined ? { cutOutDoubt } : {}),
    ...(chromatidDisagreement !== undefined ? { chromatidDisagreement } : {}),
  };
}

function cell(id: string, chromosomes: CaseChromosome[]): ProfiledCaseCell {
  return {
    id,
    source: id,
    bandLevel: { value: 400, confidence: 1, bandsPerHaploidSet: 400, overridden: false },
    chromosomes,
    warnings: [],
  };
}

describe('verdictPairs', () => {
  const folded = cell('folded', [chromosome(0, 1.02), chromosome(1, 0.5)]);
  const fine = cell('fine', [chromosome(0, 0.97), chromosome(1, 1.01)]);
  const unmeasured = cell('saved-before', [chromosome(0), chromosome(1)]);
  const single = cell('single', [chromosome(0, 1)]);

  it('leaves out a pair with a folded homolog while another cell has a pair without', () => {
    expect(verdictPairs('7', [folded, fine, single]).map((p) => p.cell)).toEqual(['fine']);
  });

  it('keeps it when no other cell has a pair: a doubtful verdict beats none', () => {
    expect(verdictPairs('7', [folded, single]).map((p) => p.cell)).toEqual(['folded']);
  });

  it('keeps chromosomes saved before their straightening was measured', () => {
    expect(verdictPairs('7', [unmeasured, folded]).map((p) => p.cell)).toEqual(['saved-before']);
    expect(verdictPairs('7', [unmeasured, fine]).map((p) => p.cell)).toEqual(['saved-before', 'fine']);
  });

  it('leaves out a pair whose cut-out touches another chromosome, on the same terms', () => {
    const touching = cell('touching', [chromosome(0, 1), chromosome(1, 1, 'touches or crosses C9')]);
    expect(verdictPairs('7', [touching, fine]).map((p) => p.cell)).toEqual(['fine']);
    expect(verdictPairs('7', [touching, single]).map((p) => p.cell)).toEqual(['touching']);
  });

  it('leaves out a pair whose chromatids disagree (a centre line off the middle), on the same terms', () => {
    const split = cell('split', [chromosome(0, 1, undefined, 4.2), chromosome(1, 1, undefined, 0.9)]);
    const mild = cell('mild', [chromosome(0, 1, undefined, 3.5), chromosome(1, 1, undefined, 1.1)]);
    expect(verdictPairs('7', [split, mild]).map((p) => p.cell)).toEqual(['mild']);
  });
});

describe('verdictBasis', () => {
  const fine = cell('fine', [chromosome(0, 0.97), chromosome(1, 1.01)]);
  const folded = cell('folded', [chromosome(0, 1.02), chromosome(1, 0.5)]);
  const touching = cell('touching', [chromosome(0, 1), chromosome(1, 1, 'touches or crosses C9')]);
  const split = cell('split', [chromosome(0, 1, undefined, 5), chromosome(1, 1)]);

  it('is reliable while one pair is sound', () => {
    expect(verdictBasis('7', [folded, touching, fine])).toEqual({
      pairs: [expect.objectContaining({ cell: 'fine' })],
      unreliable: null,
    });
  });

  it('keeps every pair but says why when all are doubtful: the type then flags nothing', () => {
    expect(verdictBasis('7', [folded]).unreliable).toBe('straightening');
    expect(verdictBasis('7', [split]).unreliable).toBe('straightening');
    expect(verdictBasis('7', [touching]).unreliable).toBe('cut-out');
    const both = verdictBasis('7', [touching, folded]);
    expect(both.unreliable).toBe('straightening, cut-out');
    expect(both.pairs.map((p) => p.cell)).toEqual(['touching', 'folded']);
  });

  it('leaves out a pair with an unsure automatic type, and calls a type with only such pairs unreliable', () => {
    const unsure = cell('arranged', [
      { ...chromosome(0, 1), confidence: 0.55, typeDoubt: 'typed 7 automatically with probability 0.55' },
      chromosome(1, 1),
    ]);
    expect(verdictBasis('7', [unsure, fine]).pairs.map((p) => p.cell)).toEqual(['fine']);
    expect(verdictBasis('7', [unsure]).unreliable).toBe('type assignment');
    expect(verdictBasis('7', [unsure, touching]).unreliable).toBe('type assignment, cut-out');
  });

  it('has nothing to judge without a pair', () => {
    expect(verdictBasis('7', [cell('single', [chromosome(0, 0.3)])])).toEqual({
      pairs: [],
      unreliable: null,
    });
  });
});

describe('unscoredReason', () => {
  const cellOf = (id: string, types: ChromosomeType[]): ProfiledCaseCell =>
    cell(
      id,
      types.map((type, homolog) => ({ ...chromosome(homolog), type })),
    );

  it('reports nothing for the single X and Y of male cells', () => {
    const male = [cellOf('c1', ['X', 'Y']), cellOf('c2', ['X', 'Y'])];
    expect(unscoredReason('X', male)).toBeNull();
    expect(unscoredReason('Y', male)).toBeNull();
    expect(unscoredReason('Y', [cellOf('xxy', ['X', 'X', 'Y'])])).toBeNull();
  });

  it('says 45,X rather than male for a lone X, and monosomy for a lone autosome', () => {
    expect(unscoredReason('X', [cellOf('c1', ['X']), cellOf('c2', ['X', 'Y'])])).toMatch(
      /^a cell holds one X and no Y \(45,X/,
    );
    expect(unscoredReason('21', [cellOf('c1', ['21'])])).toMatch(/^at most one copy per cell \(a monosomy/);
    expect(unscoredReason('7', [cellOf('c1', ['7', '7'])])).toBe('no cell has a complete pair');
  });
});
