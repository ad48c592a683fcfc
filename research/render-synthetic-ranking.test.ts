import { describe, expect, it } from 'vitest';
import { renderRankingJson, renderRankingSummary } from './render-synthetic-ranking';
import type { RankingFigures } from './synthetic-ranking-figures';

const FIGURES: RankingFigures = {
  rankOf5: [
    {
      seed: 1,
      level: 400,
      rank: 1,
      score5: 0.38,
      normal5: 0.077,
      top3: '5 0.38, 7 0.22',
      copiesOk: true,
      margin: 0.155,
    },
  ],
  rank1: 1,
  cases: 2,
  medianRank: 1,
  medianMargin: 0.155,
  allCopiesRight: false,
  normalAutosomeScoreMean: 0.171,
  normalScoreMedian: [
    ['19', 0.34],
    ['2', 0.2],
  ],
  normalCropScoreMedian: [['X', 0.5]],
  realScoreMedian: [
    ['21', 0.61],
    ['1', 0.1],
  ],
  realFlaggedPerCase: { heldOut: true, threshold: 0.638, median: 2, max: 5, none: 1, cases: 4 },
  profileCorrelationAll: { median: 0.884, p10: 0.649 },
  profileCorrelationInner80: { median: 0.9, p10: 0.7 },
  profileCorrelationMedian: { '5': 0.8 },
  syntheticKaryogramStats: {},
  syntheticCropStats: {},
  realCropStats: {},
};

describe('synthetic-ranking output', () => {
  it('lists median scores highest first, then one summary line', () => {
    const lines = renderRankingSummary(FIGURES).split('\n');
    expect(lines[0]).toBe('normal synthetic (karyogram path), median score: 19 0.34, 2 0.20');
    expect(lines[1]).toBe('normal synthetic (crop path), median score: X 0.50');
    expect(lines[2]).toBe('real pki3 (4 held-out cases, crop path), median score: 21 0.61, 1 0.10');
    expect(lines[3]).toBe(
      'rank 1 in 1/2, median rank 1, median margin 0.155, mean normal autosome score 0.171, copies right in all: false, ' +
        'profile r vs truth (normal cells) median/p10 0.884/0.649, inner 80 % 0.9/0.7; ' +
        'real held-out cases: 2 types flagged per case at 0.638 (median; max 5, none in 1/4)',
    );
  });

  it('says when the real cases are not the held-out ones', () => {
    const text = renderRankingSummary({
      ...FIGURES,
      realFlaggedPerCase: { ...FIGURES.realFlaggedPerCase, heldOut: false },
    });
    expect(text).toContain('real pki3 (4 first cases, crop path)');
    expect(text).toContain('; real cases: 2 types flagged');
  });

  it('writes the JSON with the summary after the ranks and median scores keyed by type', () => {
    const json = renderRankingJson(FIGURES);
    expect(Object.keys(JSON.parse(json) as object).slice(0, 7)).toEqual([
      'rankOf5',
      'rank1',
      'cases',
      'medianRank',
      'medianMargin',
      'allCopiesRight',
      'normalAutosomeScoreMean',
    ]);
    expect(json).toContain('"realScoreMedian": {\n    "1": 0.1,\n    "21": 0.61\n  }');
  });
});
