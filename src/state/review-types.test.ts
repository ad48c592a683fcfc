import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../worker/analysis-api';
import type { CaseRecord } from './review-types';
import { caseStatus, latestDecisions, refusalReason } from './review-types';
import { caseDocumentOf } from './report-json';

const summary: CaseSummary = {
  id: 'c',
  name: 'case',
  origin: 'files',
  analysedAt: '2026-01-01T00:00:00Z',
  model: { id: 'm', sha256: 's', threshold: 0.5 },
  backend: 'wasm',
  cells: [
    {
      id: 'a',
      source: 'a.png',
      bandLevel: 400,
      bandLevelConfidence: 0.81234,
      bandLevelOverridden: false,
      chromosomes: 46,
      excluded: false,
      warnings: [],
    },
    {
      id: 'b',
      source: 'b.png',
      bandLevel: 400,
      bandLevelConfidence: 0.7,
      bandLevelOverridden: false,
      chromosomes: 46,
      excluded: true,
      warnings: [],
    },
  ],
  types: [
    {
      type: '5',
      copies: [2],
      score: 0.912345,
      abnormal: true,
      pairs: [{ cell: 'a', alpha: 0.123456 }],
      region: { from: 0.01234, to: 0.2, bands: '5p15' },
    },
    { type: '6', copies: [2], score: 0.1, abnormal: false, pairs: [], region: null },
  ],
  errors: [],
  hasImages: true,
};

const record = (decisions: CaseRecord['decisions']): CaseRecord => ({
  id: 'c',
  summary,
  createdAt: '',
  updatedAt: '',
  openedAt: '',
  decisions,
});
const decision = (type: '5' | '6', value: 'abnormal' | 'normal', at: string) => ({
  type,
  decision: value,
  note: '',
  reviewer: 'r',
  modelId: 'm',
  at,
});

describe('case status and the audit trail', () => {
  it('is new until opened', () => {
    expect(caseStatus({ id: 'c', summary, createdAt: '', updatedAt: '', decisions: [] })).toBe('new');
  });

  it('is reviewed only when every flagged type has a decision', () => {
    expect(caseStatus(record([]))).toBe('analysed');
    expect(caseStatus(record([decision('6', 'normal', '1')]))).toBe('analysed');
    expect(caseStatus(record([decision('6', 'normal', '1'), decision('5', 'abnormal', '2')]))).toBe(
      'reviewed',
    );
  });

  it('keeps every decision and reads the latest per type', () => {
    const trail = record([decision('5', 'abnormal', '1'), decision('5', 'normal', '2')]);
    expect(trail.decisions).toHaveLength(2);
    expect(latestDecisions(trail).get('5')?.decision).toBe('normal');
  });
});

describe('caseDocumentOf', () => {
  it('writes the CLI schema: rounded numbers, excluded cells left out', () => {
    const document = caseDocumentOf(summary);
    expect(document.cells.map((c) => c.id)).toEqual(['a']);
    expect(document.cells[0]?.bandLevelConfidence).toBe(0.812);
    expect(document.types[0]?.score).toBe(0.9123);
    expect(document.types[0]?.pairs[0]?.alpha).toBe(0.1235);
    expect(document.types[0]?.region?.from).toBe(0.012);
  });
});

describe('refused inputs', () => {
  const refused: CaseSummary = {
    ...summary,
    cells: [],
    types: [],
    errors: [
      { file: 'spread.png', message: 'not a karyogram: this looks like a metaphase spread (2 row bands)' },
    ],
  };

  it('are refused, with the reason, not analysed with nothing flagged', () => {
    expect(refusalReason(refused)).toBe('not a karyogram: this looks like a metaphase spread (2 row bands)');
    expect(caseStatus({ id: 'r', summary: refused, createdAt: '', updatedAt: '', decisions: [] })).toBe(
      'refused',
    );
    expect(refusalReason({ ...refused, errors: [] })).toBe('no cell could be read');
    expect(refusalReason(summary)).toBeNull();
  });
});
