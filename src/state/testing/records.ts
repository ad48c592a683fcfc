import type { CaseRecord } from '../review-types';

/** A saved review with every field the screens read (one cell, one flagged type, one decision). */
export const validRecord: CaseRecord = {
  id: 'case-1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  decisions: [
    { type: '5', decision: 'abnormal', note: '', reviewer: 'a', modelId: 'm', at: '2026-01-01T00:01:00Z' },
  ],
  summary: {
    id: 'case-1',
    name: 'Case one',
    origin: 'files',
    analysedAt: '2026-01-01T00:00:00Z',
    model: { id: 'm', sha256: '0'.repeat(64), threshold: 0.5 },
    backend: 'wasm',
    cells: [
      {
        id: 'a',
        source: 'a.png',
        bandLevel: 400,
        bandLevelConfidence: 0.8,
        bandLevelOverridden: false,
        chromosomes: 46,
        excluded: false,
        warnings: [],
      },
    ],
    types: [{ type: '5', copies: [2], score: 0.9, abnormal: true, pairs: [], region: null }],
    errors: [],
    hasImages: true,
  },
};
