import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../shared/chromosome-types';
import type { CaseSummary } from '../worker/analysis-api';
import { defaultPicks, fineTuneCandidates } from './finetune-cases';
import type { CaseRecord, DecisionValue } from './review-types';

function summary(
  id: string,
  flagged: readonly ChromosomeType[],
  hasImages = true,
  origin: CaseSummary['origin'] = 'files',
): CaseSummary {
  return {
    id,
    name: `case ${id}`,
    origin,
    analysedAt: '2026-01-01T00:00:00Z',
    model: { id: 'm', sha256: 's', threshold: 0.5 },
    backend: 'wasm',
    cells: ['a', 'b', 'c'].map((cell, i) => ({
      id: cell,
      source: `${cell}.png`,
      bandLevel: 400,
      bandLevelConfidence: 0.8,
      bandLevelOverridden: false,
      chromosomes: 46,
      excluded: i === 2,
      warnings: [],
    })),
    types: (['5', '7', '9'] as const).map((type) => ({
      type,
      copies: [2],
      score: flagged.includes(type) ? 0.9 : 0.1,
      abnormal: flagged.includes(type),
      pairs: [],
      region: null,
    })),
    errors: [],
    hasImages,
  };
}

const decide = (type: ChromosomeType, decision: DecisionValue, at: string) => ({
  type,
  decision,
  note: '',
  reviewer: 'r',
  modelId: 'm',
  at,
});

function record(s: CaseSummary, createdAt: string, decisions: CaseRecord['decisions'] = []): CaseRecord {
  return { id: s.id, summary: s, createdAt, updatedAt: createdAt, openedAt: createdAt, decisions };
}

describe('cases for fine-tuning', () => {
  const cases = {
    reviewed: record(summary('reviewed', ['5']), '2026-01-03', [
      decide('5', 'normal', '1'),
      decide('5', 'abnormal', '2'),
      decide('9', 'unsure', '3'),
      decide('7', 'normal', '4'),
    ]),
    undecided: record(summary('undecided', ['5', '7']), '2026-01-02', [decide('5', 'abnormal', '1')]),
    clean: record(summary('clean', []), '2026-01-01'),
    imported: record(summary('imported', [], false), '2026-01-04'),
  };
  const teaching = record(summary('teaching', [], true, 'teaching'), '2026-01-05');
  const demo = record(summary('demo', [], true, 'demo'), '2026-01-06');
  const refused = record({ ...summary('refused', []), cells: [], types: [] }, '2026-01-07');

  it('carries each case’s latest decisions as labels, unsure left out, flags without a decision named', () => {
    const candidates = fineTuneCandidates(cases);
    expect(candidates.map((c) => c.id)).toEqual(['imported', 'reviewed', 'undecided', 'clean']);
    const byId = new Map(candidates.map((c) => [c.id, c]));
    expect(byId.get('reviewed')?.labels).toEqual({ '5': 'abnormal', '7': 'normal' });
    expect(byId.get('reviewed')?.undecided).toEqual([]);
    expect(byId.get('reviewed')?.cells).toBe(2);
    expect(byId.get('undecided')?.undecided).toEqual(['7']);
    expect(byId.get('clean')?.labels).toEqual({});
    expect(byId.get('imported')?.usable).toBe(false);
  });

  it('picks by default the cases whose flags all have a decision and that have profiles', () => {
    expect(defaultPicks(fineTuneCandidates(cases))).toEqual(['reviewed', 'clean']);
  });

  it('never picks teaching, demo or refused cases by default (they would be learnt as normal)', () => {
    const all = fineTuneCandidates({ ...cases, teaching, demo, refused });
    expect(defaultPicks(all)).toEqual(['reviewed', 'clean']);
    expect(all.find((c) => c.id === 'refused')?.usable).toBe(false);
    expect(all.find((c) => c.id === 'teaching')?.usable).toBe(true);
  });
});
