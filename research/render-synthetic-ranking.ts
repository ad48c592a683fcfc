import type { RankingFigures, ScoreRows } from './synthetic-ranking-figures';

/** "label: type score, …", highest first, scores to 2 decimals. */
function scoreLine(label: string, rows: ScoreRows): string {
  return `${label}: ${rows.map(([t, v]) => `${t} ${v.toFixed(2)}`).join(', ')}\n`;
}

/** What the measurement prints on stderr when done: median scores per type, then one summary line. */
export function renderRankingSummary(figures: RankingFigures): string {
  const real = figures.realFlaggedPerCase;
  const all = figures.profileCorrelationAll;
  const inner = figures.profileCorrelationInner80;
  return (
    scoreLine('normal synthetic (karyogram path), median score', figures.normalScoreMedian) +
    scoreLine('normal synthetic (crop path), median score', figures.normalCropScoreMedian) +
    scoreLine(
      `real pki3 (${real.cases} ${real.heldOut ? 'held-out' : 'first'} cases, crop path), median score`,
      figures.realScoreMedian,
    ) +
    `rank 1 in ${figures.rank1}/${figures.cases}, median rank ${figures.medianRank}, median margin ${figures.medianMargin}, ` +
    `mean normal autosome score ${figures.normalAutosomeScoreMean}, copies right in all: ${figures.allCopiesRight}, ` +
    `profile r vs truth (normal cells) median/p10 ${all.median}/${all.p10}, ` +
    `inner 80 % ${inner.median}/${inner.p10}; ` +
    `real ${real.heldOut ? 'held-out ' : ''}cases: ${real.median} types flagged per case at ${real.threshold} (median; ` +
    `max ${real.max}, none in ${real.none}/${real.cases})\n`
  );
}

/** The figures as `--json` prints them (median scores as objects keyed by type). */
export function renderRankingJson(figures: RankingFigures): string {
  const report = {
    rankOf5: figures.rankOf5,
    rank1: figures.rank1,
    cases: figures.cases,
    medianRank: figures.medianRank,
    medianMargin: figures.medianMargin,
    allCopiesRight: figures.allCopiesRight,
    normalAutosomeScoreMean: figures.normalAutosomeScoreMean,
    normalScoreMedian: Object.fromEntries(figures.normalScoreMedian),
    normalCropScoreMedian: Object.fromEntries(figures.normalCropScoreMedian),
    realScoreMedian: Object.fromEntries(figures.realScoreMedian),
    realFlaggedPerCase: figures.realFlaggedPerCase,
    profileCorrelationAll: figures.profileCorrelationAll,
    profileCorrelationInner80: figures.profileCorrelationInner80,
    profileCorrelationMedian: figures.profileCorrelationMedian,
    syntheticKaryogramStats: figures.syntheticKaryogramStats,
    syntheticCropStats: figures.syntheticCropStats,
    realCropStats: figures.realCropStats,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
