/**
 * `npx tsx research/synthetic-ranking.ts [--seeds 8] [--real-cases 60] [--json]`: how the shipped model
 * ranks chromosome 5 in generated 46,XY,del(5)(p14) cases of 3 cells (seeds 1…N × band levels 400 and
 * 550, read back through the karyogram image pipeline), which types score high in generated NORMAL
 * cases, how well profiles match the truth per type, and how generated chromosomes compare with real
 * pki3 crops (relative length, homolog-to-homolog differences, contrast; median per type). A
 * measurement for issue #3, not a test: nothing is tuned to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../src/imaging/decode/decode-image';
import { profileSyntheticCell } from '../src/pipeline/profiles/synthetic-cells';
import { profilesForCell } from '../src/imaging/profile/common-scale-profiles';
import { generateCase } from '../src/karyotype/synthetic-case';
import { cellTrueProfiles } from '../src/karyotype/true-profile';
import { loadModel } from '../src/model/load-model';
import type { BagInput } from '../src/model/inputs';
import type { HomNetModel } from '../src/model/homnet-model';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import type { ProfiledCaseCell } from '../src/pipeline/profiles/profiled-case';
import { caseCellFromCrops } from '../src/pipeline/profiles/profile-case-files';
import { scoreCase } from '../src/pipeline/verdict/score-case';
import type { BandLevel, ChromosomeType } from '../src/shared/chromosome-types';
import { CHROMOSOME_TYPES } from '../src/shared/chromosome-types';
import { pearson } from '../src/shared/statistics';
import { integerOption, parseArgs, runCli } from '../src/cli/common/args';
import { addCell, finiteUpperMedian, meanTrack, stretch, summarise, type TypeStats } from './pair-statistics';
import { shippedModelDirectory } from '../src/cli/common/shipped-model';

const LEVELS: BandLevel[] = [400, 550];
/** Real crops, read only (never copied): ../shared/data/pki3, or $HOMNET_DATA_DIR/pki3. */
const PKI3 = join(process.env.HOMNET_DATA_DIR ?? join(process.cwd(), '../shared/data'), 'pki3');

type Stats = Map<ChromosomeType, TypeStats>;

async function profiledSynthetic(karyotype: string, seed: number, level: BandLevel) {
  const synthetic = generateCase({ karyotype, cells: 3, level, seed });
  const cells: ProfiledCaseCell[] = [];
  const correlations = new Map<ChromosomeType, number[]>();
  const innerCorrelations: number[] = [];
  const karyogramStats: Parameters<typeof addCell>[1][] = [];
  const cropStats: Parameters<typeof addCell>[1][] = [];
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
  cells: readonly { bandLevel: BandLevel; chromosomes: Parameters<typeof addCell>[1] }[],
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

/**
 * The cases the model never saw in training (its manifest's `training.validationCases`), or null when
 * the manifest does not list them.
 */
function heldOutCases(training: Readonly<Record<string, unknown>> | undefined): string[] | null {
  const listed = training?.['validationCases'];
  return Array.isArray(listed) ? listed.filter((id): id is string => typeof id === 'string') : null;
}

/**
 * Real pki3 cells of `count` cases profiled through the crop path: the model's held-out cases when its
 * manifest lists them (false flags on cases it was trained on would flatter it), else the first in name
 * order.
 */
function realCases(count: number, heldOut: readonly string[] | null) {
  if (!existsSync(PKI3)) return [];
  const held = heldOut === null ? null : new Set(heldOut);
  return readdirSync(PKI3)
    .sort()
    .filter((caseId) => held === null || held.has(caseId))
    .slice(0, count)
    .map((caseId) =>
      readdirSync(join(PKI3, caseId))
        .sort()
        .map((cellId) => {
          const folder = join(PKI3, caseId, cellId);
          const crops = readdirSync(folder)
            .filter((f) => /\.tiff?$/i.test(f))
            .map((f) => {
              const [type = '', homolog = '0'] = f.replace(/\.tiff?$/i, '').split('_');
              const [page] = decodeImage(f, new Uint8Array(readFileSync(join(folder, f))));
              if (!page) throw new Error(`${f}: no page`);
              return { type: type as ChromosomeType, homolog: Number(homolog), image: page.image, source: f };
            });
          return caseCellFromCrops(cellId, folder, crops);
        }),
    );
}

function push(scores: Map<ChromosomeType, number[]>, found: Map<ChromosomeType, number>): void {
  for (const [type, score] of found) scores.set(type, [...(scores.get(type) ?? []), score]);
}

const round = (v: number): number => Math.round(1000 * v) / 1000;
/** Median and 10th percentile, rounded. */
function quantiles(values: readonly number[]): { median: number; p10: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: round(sorted[Math.floor(0.5 * (sorted.length - 1))] ?? Number.NaN),
    p10: round(sorted[Math.floor(0.1 * (sorted.length - 1))] ?? Number.NaN),
  };
}
const mean = (v: readonly number[]): number => v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);

function table(name: string, scores: Map<ChromosomeType, number[]>): Record<string, number> {
  const rows = [...scores].map(([type, values]) => [type, round(finiteUpperMedian(values))] as const);
  rows.sort((a, b) => b[1] - a[1]);
  process.stderr.write(`${name}: ${rows.map(([t, v]) => `${t} ${v.toFixed(2)}`).join(', ')}\n`);
  return Object.fromEntries(rows);
}

function statsTable(stats: Stats): Record<string, ReturnType<typeof summarise>> {
  return Object.fromEntries(
    CHROMOSOME_TYPES.flatMap((t) => {
      const s = stats.get(t);
      return s ? [[t, summarise(s)] as const] : [];
    }),
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['seeds=', 'real-cases=', 'json']);
  const seeds = integerOption(args, 'seeds', 8);
  const realCount = integerOption(args, 'real-cases', 60);
  const weights = await readArtifactsFromDirectory(await shippedModelDirectory());
  const heldOut = heldOutCases(weights.manifest.training);
  const model = await loadModel({ weights, backend: 'wasm' });
  const ranks: {
    seed: number;
    level: BandLevel;
    rank: number;
    score5: number;
    normal5: number;
    top3: string;
    copiesOk: boolean;
    margin: number;
  }[] = [];
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
        process.stderr.write(`${JSON.stringify(entry)}\n`);
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
    const real = realCases(realCount, heldOut);
    for (const cells of real) {
      // Through scoreCase, as the app and the CLI score a case (pairs with a doubtful straightening left out).
      const scored = await scoreCase(model, { id: 'real', cells: cells.slice(0, 3), errors: [] });
      const scores = new Map(
        scored.types.flatMap((t) => (t.score === null ? [] : [[t.type, t.score] as const])),
      );
      realFlagged.push([...scores.values()].filter((score) => score >= model.info.threshold).length);
      push(realScores, scores);
      for (const cell of cells) addCell(realStats, cell.chromosomes);
    }
    const report = {
      rankOf5: ranks,
      rank1: ranks.filter((r) => r.rank === 1).length,
      cases: ranks.length,
      medianRank: finiteUpperMedian(ranks.map((r) => r.rank)),
      medianMargin: finiteUpperMedian(ranks.map((r) => r.margin)),
      allCopiesRight: ranks.every((r) => r.copiesOk),
      normalAutosomeScoreMean: round(
        mean([...normalScores].filter(([t]) => t !== 'X' && t !== 'Y').flatMap(([, v]) => v)),
      ),
      normalScoreMedian: table('normal synthetic (karyogram path), median score', normalScores),
      normalCropScoreMedian: table('normal synthetic (crop path), median score', normalCropScores),
      realScoreMedian: table(
        `real pki3 (${real.length} ${heldOut === null ? 'first' : 'held-out'} cases, crop path), median score`,
        realScores,
      ),
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
    process.stderr.write(
      `rank 1 in ${report.rank1}/${report.cases}, median rank ${report.medianRank}, median margin ${report.medianMargin}, ` +
        `mean normal autosome score ${report.normalAutosomeScoreMean}, copies right in all: ${report.allCopiesRight}, ` +
        `profile r vs truth (normal cells) median/p10 ${report.profileCorrelationAll.median}/${report.profileCorrelationAll.p10}, ` +
        `inner 80 % ${report.profileCorrelationInner80.median}/${report.profileCorrelationInner80.p10}; ` +
        `real ${heldOut === null ? '' : 'held-out '}cases: ${report.realFlaggedPerCase.median} types flagged per case at ${report.realFlaggedPerCase.threshold} (median; ` +
        `max ${report.realFlaggedPerCase.max}, none in ${report.realFlaggedPerCase.none}/${report.realFlaggedPerCase.cases})\n`,
    );
    if (args.options.has('json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    model.dispose();
  }
  return 0;
}

runCli(main);
