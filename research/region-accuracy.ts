import { profileSyntheticCells } from '../src/pipeline/profiles/synthetic-cells';
import { generateCase } from '../src/karyotype/synthetic-case';
import type { HomNetModel } from '../src/model/homnet-model';
import { loadModel } from '../src/model/load-model';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import type { FractionSpan, SpanAgreement } from '../src/pipeline/verdict/region-truth';
import { changedSpan, spanAgreement } from '../src/pipeline/verdict/region-truth';
import type { ScoredCase } from '../src/pipeline/verdict/score-case';
import { scoreCase } from '../src/pipeline/verdict/score-case';
import type { BandLevel, ChromosomeType } from '../src/shared/chromosome-types';
import {
  hasSwitch,
  integerOption,
  parseArgs,
  runCli,
  stringOption,
  UsageError,
} from '../src/cli/common/args';
import { REGION_LOCATORS } from './region-locators';
import { shippedModelDirectory } from '../src/cli/common/shipped-model';

/** Structural changes of every kind the issue names, on several chromosomes, with their kind. */
const CASES: readonly { readonly kind: string; readonly karyotype: string }[] = [
  { kind: 'terminal del', karyotype: '46,XY,del(5)(p14)' },
  { kind: 'terminal del', karyotype: '46,XX,del(4)(q31)' },
  { kind: 'terminal del', karyotype: '46,XY,del(9)(p22)' },
  { kind: 'interstitial del', karyotype: '46,XX,del(2)(q21q31)' },
  { kind: 'interstitial del', karyotype: '46,XY,del(11)(q14q23)' },
  { kind: 'interstitial del', karyotype: '46,XX,del(7)(q21q31)' },
  { kind: 'dup', karyotype: '46,XX,dup(1)(q21q32)' },
  { kind: 'dup', karyotype: '46,XY,dup(6)(p21p23)' },
  { kind: 'dup', karyotype: '46,XX,dup(12)(q13q22)' },
  { kind: 'inv', karyotype: '46,XX,inv(3)(q21q26)' },
  { kind: 'inv', karyotype: '46,XY,inv(2)(p13q23)' },
  { kind: 'inv', karyotype: '46,XX,inv(10)(q21q25)' },
  { kind: 'ins', karyotype: '46,XY,ins(5;2)(p14;q21q31)' },
  { kind: 'ins', karyotype: '46,XX,ins(7;12)(q22;q13q21)' },
  { kind: 't', karyotype: '46,XX,t(11;22)(q23;q11.2)' },
  { kind: 't', karyotype: '46,XY,t(1;7)(p32;q22)' },
  { kind: 't', karyotype: '46,XX,t(4;8)(q31;p21)' },
];

/** One abnormal chromosome type of one case, with its true changed span. */
interface Target {
  readonly kind: string;
  readonly karyotype: string;
  readonly seed: number;
  readonly type: ChromosomeType;
  readonly truth: FractionSpan;
  readonly scored: ScoredCase;
  readonly level: BandLevel;
}

/** Generates, images and scores one synthetic case; returns one target per changed type. */
async function targetsOf(
  model: HomNetModel,
  kind: string,
  karyotype: string,
  seed: number,
  level: BandLevel,
): Promise<Target[]> {
  const synthetic = generateCase({ karyotype, cells: 3, level, seed });
  const cells = await profileSyntheticCells(synthetic.cells);
  const scored = await scoreCase(model, { id: `${karyotype} seed ${seed}`, cells, errors: [] });
  const first = synthetic.cells[0];
  if (!first) return [];
  const targets: Target[] = [];
  for (const placed of first.karyogram.chromosomes) {
    const truth = changedSpan(placed.cell.chromosome, placed.cell.type);
    if (truth) targets.push({ kind, karyotype, seed, type: placed.cell.type, truth, scored, level });
  }
  return targets;
}

interface Row extends SpanAgreement {
  readonly kind: string;
  readonly case: string;
  readonly type: ChromosomeType;
  readonly truth: FractionSpan;
  readonly located: FractionSpan | null;
}

const round = (v: number): number => Math.round(v * 1000) / 1000;

function summary(rows: readonly Row[]) {
  const n = rows.length;
  const distances = rows.map((r) => r.centreDistance).sort((a, b) => a - b);
  return {
    targets: n,
    overlapPercent: Math.round((1000 * rows.filter((r) => r.overlaps).length) / Math.max(1, n)) / 10,
    meanIoU: round(rows.reduce((s, r) => s + r.iou, 0) / Math.max(1, n)),
    medianCentreDistance: round(distances[Math.floor((n - 1) / 2)] ?? 1),
    meanCentreDistance: round(distances.reduce((s, d) => s + d, 0) / Math.max(1, n)),
  };
}

/**
 * `npx tsx research/region-accuracy.ts [--seeds 3] [--first-seed 1] [--level 400] [--method a,b] [--model dir]
 * [--rows]`:
 * how well each region locator finds the changed segment of synthetic cases whose truth is known.
 * Every case has 3 cells; a located region counts against the true changed span on the normal
 * homolog (src/pipeline/region-truth.ts), by overlap, IoU and distance of centres (fractions of length).
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    seeds: 'value',
    'first-seed': 'value',
    level: 'value',
    method: 'value',
    model: 'value',
    rows: 'switch',
  });
  const seeds = integerOption(args, 'seeds', 3);
  const firstSeed = integerOption(args, 'first-seed', 1);
  const level = Number(stringOption(args, 'level') ?? 400) as BandLevel;
  if (![300, 400, 550, 700].includes(level)) throw new UsageError('--level must be 300, 400, 550 or 700');
  const names = (stringOption(args, 'method') ?? Object.keys(REGION_LOCATORS).join(',')).split(',');
  for (const name of names)
    if (!(name in REGION_LOCATORS))
      throw new UsageError(`unknown --method ${name}; known: ${Object.keys(REGION_LOCATORS).join(', ')}`);
  const model = await loadModel({
    weights: await readArtifactsFromDirectory(stringOption(args, 'model') ?? (await shippedModelDirectory())),
    backend: 'wasm',
  });
  try {
    const targets: Target[] = [];
    for (const { kind, karyotype } of CASES)
      for (let seed = firstSeed; seed < firstSeed + seeds; seed++)
        targets.push(...(await targetsOf(model, kind, karyotype, seed, level)));
    const report: Record<string, unknown> = {};
    for (const name of names) {
      const locate = REGION_LOCATORS[name];
      if (!locate) continue;
      const rows: Row[] = [];
      for (const target of targets) {
        const located = await locate(model, target.scored, target.type, target.level);
        const agreement = located
          ? spanAgreement(located, target.truth)
          : { overlaps: false, iou: 0, centreDistance: 1 };
        rows.push({
          kind: target.kind,
          case: `${target.karyotype} seed ${target.seed}`,
          type: target.type,
          truth: { from: round(target.truth.from), to: round(target.truth.to) },
          located: located ? { from: round(located.from), to: round(located.to) } : null,
          ...agreement,
        });
      }
      const kinds = [...new Set(rows.map((r) => r.kind))];
      report[name] = {
        all: summary(rows),
        byKind: Object.fromEntries(kinds.map((k) => [k, summary(rows.filter((r) => r.kind === k))])),
        ...(hasSwitch(args, 'rows') ? { rows } : {}),
      };
    }
    process.stdout.write(
      `${JSON.stringify({ level, seeds: [firstSeed, firstSeed + seeds - 1], cellsPerCase: 3, methods: report }, null, 2)}\n`,
    );
  } finally {
    model.dispose();
  }
  return 0;
}

runCli(main);
