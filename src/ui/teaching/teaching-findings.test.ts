import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../worker/analysis-api';
import { teachingChanges } from './teaching-findings';

type Verdict = CaseSummary['types'][number];

const verdict = (type: Verdict['type'], score: number, region: Verdict['region'] = null): Verdict => ({
  type,
  copies: [2, 2],
  score,
  abnormal: score >= 0.79,
  unreliable: null,
  pairs: [],
  region,
});

function summary(karyotype: string, types: Verdict[]): CaseSummary {
  return {
    id: 'c1',
    name: `Teaching ${karyotype}`,
    origin: 'teaching',
    karyotype,
    analysedAt: '2026-12-06T21:00:00Z',
    model: { id: 'm', sha256: 'x', threshold: 0.79 },
    backend: 'cpu',
    cells: [],
    types,
    errors: [],
    hasImages: true,
  };
}

describe('teachingChanges', () => {
  it('says plainly that the model did not flag a change, with its score and where the change is', () => {
    const [inv] = teachingChanges(summary('46,XX,inv(9)(p12q13)', [verdict('9', 0.07)]));
    expect(inv?.findings).toHaveLength(1);
    const [finding] = inv?.findings ?? [];
    expect(finding?.outcome).toBe('not-flagged');
    expect(finding?.text).toMatch(
      /^The model did not flag 9 \(score 0\.07, threshold 0\.79\): this change is in 9p12–q13; .*pericentric/,
    );
  });

  it('names every changed type of a translocation, flagged or not', () => {
    const [t] = teachingChanges(
      summary('46,XX,t(11;22)(q23;q11.2)', [verdict('11', 0.95), verdict('22', 0.3)]),
    );
    expect(t?.findings.map((f) => [f.type, f.bands, f.outcome])).toEqual([
      ['11', '11q23–qter', 'flagged'],
      ['22', '22q11.2–qter', 'not-flagged'],
    ]);
  });

  it('tells whether a flagged type’s suspected region lies on the change', () => {
    const on = teachingChanges(
      summary('46,XY,dup(1)(q21q32)', [verdict('1', 0.99, { from: 0.6, to: 0.84, bands: '1q21-q32' })]),
    );
    expect(on[0]?.findings[0]?.text).toBe(
      'The model flagged 1 (score 0.99, threshold 0.79): this change is in 1q21–q32; its suspected region 1q21-q32 overlaps the change.',
    );
    const off = teachingChanges(
      summary('46,XY,dup(1)(q21q32)', [verdict('1', 0.99, { from: 0.23, to: 0.27, bands: '1p31' })]),
    );
    expect(off[0]?.findings[0]?.text).toMatch(/suspected region 1p31 lies outside the change/);
  });

  it('says when a changed type could not be scored', () => {
    const [del] = teachingChanges(summary('46,XY,del(5)(p14)', []));
    expect(del?.findings[0]?.outcome).toBe('not-scored');
    expect(del?.findings[0]?.text).toMatch(/could not score 5 .*5pter–p14/);
  });
});
