import { profilesForCell } from '../src/imaging/profile/common-scale-profiles';
import { generateCase } from '../src/karyotype/synthetic-case';
import { cellTrueProfiles } from '../src/karyotype/true-profile';
import type { HomNetModel } from '../src/model/homnet-model';
import type { BagInput } from '../src/model/inputs';
import { loadModel } from '../src/model/load-model';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import type { ProfiledCaseCell } from '../src/pipeline/profiles/profiled-case';
import { profileSyntheticCell } from '../src/pipeline/profiles/synthetic-cells';
import { scoreCase } from '../src/pipeline/verdict/score-case';
import type { BandLevel, ChromosomeType } from '../src/shared/chromosome-types';
import { CHROMOSOME_TYPES } from '../src/shared/chromosome-types';
import { pearson } from '../src/shared/statistics';
import { shippedModelDirectory } from '../src/cli/common/shipped-model';
import type { ProfiledForStats, TypeStats } from './pair-statistics';
import { addCell, finiteUpperMedian, meanTrack, stretch, summarise } from './pair-statistics';
import { heldOutCases, realCases } from './real-pki3-cases';

const LEVELS: BandLevel[] = [400, 550];

type Stats = Map<ChromosomeType, TypeStats>;

/** How chromosome 5 ranked in one generated del(5)(p14) case; scores rounded to 3 decimals. */
export interface RankOf5 {
  readonly seed: number;
  readonly level: BandLevel;
  /** 1 = the highest-scoring type. */
  readonly rank: number;
  readonly score5: number;
  /** Chromosome 5's score in the normal case of the same seed and level. */
  readonly normal5: number;
  /** The three highest types, "type score, …". */
  readonly top3: string;
  /** Every autosome has two copies. */
  readonly copiesOk: boolean;
  /** Chromosome 5's score minus the highest other type's. */
  readonly margin: number;
}

/** Median and 10th percentile of Pearson r, rounded. */
export interface Quantiles {
  readonly median: number;
  readonly p10: number;
}

/** Median score per type, highest first (ties in the order the types were first scored). */
export type ScoreRows = readonly (readonly [ChromosomeType, number])[];

/** What `research/synthetic-ranking.ts` measured; `--json` prints it (see renderRankingJson). */
export interface RankingFigures {
  readonly rankOf5: readonly RankOf5[];
  /** Cases where chromosome 5 ranked first, of `cases`. */
  readonly rank1: number;
  readonly cases: number;
  readonly medianRank: number;
  readonly medianMargin: number;
  /** Every generated del(5) case read back with two copies of every autosome. */
  readonly allCopiesRight: boolean;
  /** Mean score of the autosomes in the generated normal cases. */
  readonly normalAutosomeScoreMean: number;
  readonly normalScoreMedian: ScoreRows;
  readonly normalCropScoreMedian: ScoreRows;
  readonly realScoreMedian: ScoreRows;
  /** Types at or above the threshold per real case (all pki3 cases are normal: false flags). */
  readonly realFlaggedPerCase: {
    /** Whether the cases are the model's held-out ones (else the first in name order). */
    readonly heldOut: boolean;
    readonly threshold: number;
    readonly median: number;
    readonly max: number;
    /** Cases without a flag. */
    readonly none: number;
    readonly cases: number;
  };
  /** Profiles read back against the truth, all normal cells. */
  readonly profileCorrelationAll: Quantiles;
  /** The same without the outer tenth at each end. */
  readonly profileCorrelationInner80: Quantiles;
  readonly profileCorrelationMedian: Readonly<Record<string, number>>;
  readonly syntheticKaryogramStats: Readonly<Record<string, ReturnType<typeof summarise>>>;
  readonly syntheticCropStats: Readonly<Record<string, ReturnType<typeof summarise>>>;
  readonly realCropStats: Readonly<Record<string, ReturnType<typeof summarise>>>;
}

async function profiledSynthetic(karyotype: string, seed: number, level: BandLevel) {
  const synthetic = generateCase({ karyotype, cells: 3, level, seed });
  const cells: ProfiledCaseCell[] = [];
  const correlations = new Map<ChromosomeType, number[]>();
  const innerCorrelations: number[] = [];
  const karyogramStats: (readonly ProfiledForStats[])[] = [];
  const cropStats: (readonly ProfiledForStats[])[] = [];
  for (const cell of synthetic.cells) {
    const { analysis, profiled } = await profileSyntheticCell(cell);
    cells.push(profiled);
    karyogramStats.push(analysis.chromosomes);
    // The same drawn chromosomes through the crop path (what the model was trained on).
    const placed = cell.karyogram.chromosomes;
    const crops = profilesForCell(placed.map((p) => p.rendered.image));
    cropStats.push(
      placed.map((p, i) => ({
        type: p.cell.type,
        homolog: p.cell.homolog,
        profile: crops.chromosomes[i]?.profile ?? new Float32Array(0),
        samples: crops.chromosomes[i]?.samples ?? 0,
      })),
    );
    const truth = cellTrueProfiles(cell.karyogram);
    for (const found of analysis.chromosomes) {
      const expected = truth.find((t) => t.type === found.type && t.homolog === found.homolog);
      if (!expected) continue;
      const a = meanTrack(found);
      const b = meanTrack({ ...found, profile: expected.profile.profile, samples: expected.profile.length });
      const [sa, sb] = [stretch(a, 128), stretch(b, 128)];
      correlations.set(found.type, [...(correlations.get(found.type) ?? []), pearson(sa, sb)]);
      // Without the outer tenth at each end: there the rounded tips fade in any image but not in the truth.
      innerCorrelations.push(pearson(sa.subarray(13, 115), sb.subarray(13, 115)));
    }
  }
  return { cells, correlations, innerCorrelations, karyogramStats, cropStats };
}

/** Model scores of every type with a complete pair, from cells given as typed chromosomes. */
async function scoreCells(
  model: HomNetModel,
  cells: readonly { bandLevel: BandLevel; chromosomes: readonly ProfiledForStats[] }[],
): Promise<Map<ChromosomeType, number>> {
  const bags: BagInput[] = [];
  for (const type of CHROMOSOME_TYPES) {
    const pairs = cells.flatMap((cell) => {
      const copies = cell.chromosomes.filter((c) => c.type === type);
      const [a, b] = copies;
      return a && b ? [{ homologs: [a.profile, b.profile] as const, bandLevel: cell.bandLevel }] : [];
    });
    if (pairs.length > 0) bags.push({ type, pairs });
  }
  const predictions = await model.predict(bags);
  return new Map(bags.map((bag, i) => [bag.type, predictions[i]?.probability ?? Number.NaN]));
}

function push(scores: Map<ChromosomeType, number[]>, found: Map<ChromosomeType, number>): void {
  for (const [type, score] of found) scores.set(type, [...(scores.get(type) ?? []), score]);
}

const round = (v: number): number => Math.round(1000 * v) / 1000;

function quantiles(values: readonly number[]): Quantiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(sorted[Math.floor(0.5 * (sorted.length - 1))] ?? Number.NaN),
    p10: round(sorted[Math.floor(0.1 * (sorted.length - 1))] ?? Number.NaN),
  };
}

const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);

function medianRows(scores: Map<ChromosomeType, number[]>): ScoreRows {
  const rows = [...scores].map(([type, values]) => [type, round(finiteUpperMedian(values))] as const);
  return rows.sort((a, b) => b[1] - a[1]);
}

function statsTable(stats: Stats): Record<string, ReturnType<typeof summarise>> {
  return Object.fromEntries(
    CHROMOSOME_TYPES.flatMap((t) => {
      const s = stats.get(t);
      return s ? [[t, summarise(s)] as const] : [];
    }),
  );
}

/**
 * Scores generated del(5)(p14) and normal cases of 3 cells (seeds 1…`seeds` × band levels 400 and
 * 550) and the first `realCount` real cases with the shipped model; `progress` gets each case's rank
 * as a JSON line.
 */
export async function rankSyntheticCases(
  seeds: number,
  realCount: number,
  progress: (line: string) => void,
): Promise<RankingFigures> {
  const weights = await readArtifactsFromDirectory(await shippedModelDirectory());
  const heldOut = heldOutCases(weights.manifest.training);
  const model = await loadModel({ weights, backend: 'wasm' });
  const ranks: RankOf5[] = [];
  const normalScores = new Map<ChromosomeType, number[]>();
  const normalCropScores = new Map<ChromosomeType, number[]>();
  const correlations = new Map<ChromosomeType, number[]>();
  const innerCorrelations: number[] = [];
  const karyogramStats: Stats = new Map();
  const cropStats: Stats = new Map();
  try {
    for (const level of LEVELS) {
      for (let seed = 1; seed <= seeds; seed++) {
        const deleted = await profiledSynthetic('46,XY,del(5)(p14)', seed, level);
        const normal = await profiledSynthetic('46,XY', seed, level);
        const scoredDeleted = await scoreCase(model, { id: 'del', cells: deleted.cells, errors: [] });
        const scoredNormal = await scoreCase(model, { id: 'normal', cells: normal.cells, errors: [] });
        const ranked = scoredDeleted.types
          .filter((t) => t.score !== null)
          .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
        const copiesOk = scoredDeleted.types
          .filter((t) => t.type !== 'X' && t.type !== 'Y')
          .every((t) => t.copies.every((c) => c === 2));
        const others = ranked.filter((t) => t.type !== '5');
        const entry = {
          seed,
          level,
          rank: ranked.findIndex((t) => t.type === '5') + 1,
          score5: round(ranked.find((t) => t.type === '5')?.score ?? Number.NaN),
          normal5: round(scoredNormal.types.find((t) => t.type === '5')?.score ?? Number.NaN),
          top3: ranked
            .slice(0, 3)
            .map((t) => `${t.type} ${(t.score ?? 0).toFixed(2)}`)
            .join(', '),
          copiesOk,
          margin: round((ranked.find((t) => t.type === '5')?.score ?? 0) - (others[0]?.score ?? 0)),
        };
        ranks.push(entry);
        progress(`${JSON.stringify(entry)}\n`);
        push(normalScores, new Map(scoredNormal.types.map((t) => [t.type, t.score ?? Number.NaN])));
        const cropCells = normal.cropStats.map((chromosomes) => ({ bandLevel: level, chromosomes }));
        push(normalCropScores, await scoreCells(model, cropCells));
        innerCorrelations.push(...normal.innerCorrelations);
        for (const [type, values] of normal.correlations)
          correlations.set(type, [...(correlations.get(type) ?? []), ...values]);
        for (const cell of normal.karyogramStats) addCell(karyogramStats, cell);
        for (const cell of normal.cropStats) addCell(cropStats, cell);
      }
    }
    const realScores = new Map<ChromosomeType, number[]>();
    const realStats: Stats = new Map();
    // Types at or above the model's threshold in each real case: false flags, as all pki3 cases are normal.
    const realFlagged: number[] = [];
    for (const cells of realCases(realCount, heldOut)) {
      // Through scoreCase, as the app and the CLI score a case (pairs with a doubtful straightening left out).
      const scored = await scoreCase(model, { id: 'real', cells: cells.slice(0, 3), errors: [] });
      const scores = new Map(
        scored.types.flatMap((t) => (t.score === null ? [] : [[t.type, t.score] as const])),
      );
      realFlagged.push([...scores.values()].filter((score) => score >= model.info.threshold).length);
      push(realScores, scores);
      for (const cell of cells) addCell(realStats, cell.chromosomes);
    }
    return {
      rankOf5: ranks,
      rank1: ranks.filter((r) => r.rank === 1).length,
      cases: ranks.length,
      medianRank: finiteUpperMedian(ranks.map((r) => r.rank)),
      medianMargin: finiteUpperMedian(ranks.map((r) => r.margin)),
      allCopiesRight: ranks.every((r) => r.copiesOk),
      normalAutosomeScoreMean: round(
        mean([...normalScores].filter(([t]) => t !== 'X' && t !== 'Y').flatMap(([, v]) => v)),
      ),
      normalScoreMedian: medianRows(normalScores),
      normalCropScoreMedian: medianRows(normalCropScores),
      realScoreMedian: medianRows(realScores),
      realFlaggedPerCase: {
        heldOut: heldOut !== null,
        threshold: round(model.info.threshold),
        median: finiteUpperMedian(realFlagged),
        max: Math.max(0, ...realFlagged),
        none: realFlagged.filter((n) => n === 0).length,
        cases: realFlagged.length,
      },
      profileCorrelationAll: quantiles([...correlations.values()].flat()),
      profileCorrelationInner80: quantiles(innerCorrelations),
      profileCorrelationMedian: Object.fromEntries(
        [...correlations].map(([t, v]) => [t, round(finiteUpperMedian(v))] as const),
      ),
      syntheticKaryogramStats: statsTable(karyogramStats),
      syntheticCropStats: statsTable(cropStats),
      realCropStats: statsTable(realStats),
    };
  } finally {
    model.dispose();
  }
}
