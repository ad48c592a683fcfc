import { describe, expect, it } from 'vitest';
import { createGrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { CaseChromosome, ProfiledCaseCell } from '../profiles/profiled-case';
import { verdictPairs } from './score-case';

function chromosome(homolog: number, axisCoverage?: number, cutOutDoubt?: string): CaseChromosome {
  return {
    type: '7',
    homolog,
    profile: new Float32Array(2 * PROFILE_LENGTH),
    samples: 100,
    straightened: createGrayImage(10, 100, 255),
    confidence: 1,
    ...(axisCoverage !== undefined ? { axisCoverage } : {}),
    ...(cutOutDoubt !== undefined ? { cutOutDoubt } : {}),
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
});
