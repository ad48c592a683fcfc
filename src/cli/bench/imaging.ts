import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { decodeImage } from '../../imaging/decode/decode-image';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { analyseKaryogram, type AnalysisStage } from '../../imaging/profile/analyse-karyogram';
import { IMAGING_STEPS, listenToImagingSteps } from '../../imaging/step-marks';
import { generateCase } from '../../karyotype/synthetic-case';
import type { GrayImage } from '../../shared/gray-image';
import { median } from '../../shared/statistics';
import { imagingStepTimer, stageOfStep, type StepTotals } from './imaging-step-timer';

/** The benchmark's karyogram: the real 1017×896 BMP when ../shared/data is there, else a synthetic one of that size. */
export const BENCH_KARYOGRAM = new URL(
  '../../../../shared/data/karyograms/100955NVG.017.K.BMP',
  import.meta.url,
);

async function benchImage(): Promise<{ image: GrayImage; bytes: Uint8Array | null; source: string }> {
  try {
    const bytes = new Uint8Array(await readFile(BENCH_KARYOGRAM));
    const page = decodeImage('100955NVG.017.K.BMP', bytes)[0];
    if (page) return { image: page.image, bytes, source: '100955NVG.017.K.BMP' };
  } catch {
    // Fall through to a synthetic karyogram of the same size.
  }
  const synthetic = generateCase({
    karyotype: '46,XX',
    cells: 1,
    level: 400,
    seed: 1,
    width: 1017,
    height: 896,
  });
  const cell = synthetic.cells[0];
  if (!cell) throw new Error('the synthetic benchmark karyogram has no cell');
  return { image: cell.karyogram.image, bytes: null, source: 'synthetic 46,XX 1017×896' };
}

/** Where one karyogram's time goes (median ms of each step over the runs; docs/performance.md). */
export interface KaryogramSteps {
  readonly decodeMs: number;
  readonly polarityMs: number;
  /** analyseKaryogram's stages, as its progress reports mark them. */
  readonly layoutMs: number;
  readonly profilesMs: number;
  readonly bandLevelMs: number;
  /**
   * The layout's and the profiles' marked steps (imaging/step-marks.ts): median ms of each, its nested
   * steps left out, and `unmarked`, the stage's time outside them.
   */
  readonly detail: { readonly layout: StepDetail; readonly profiles: StepDetail };
}

/** Median ms of each marked step of one stage, by step name, and `unmarked`. */
export type StepDetail = Readonly<Record<string, number>>;

/** Each stage's marked steps and the time its marks leave out, from one run's totals. */
export function stepDetail(
  totals: StepTotals,
  stages: Pick<KaryogramSteps, 'layoutMs' | 'profilesMs'>,
): { layout: Record<string, number>; profiles: Record<string, number> } {
  const layout: Record<string, number> = {};
  const profiles: Record<string, number> = {};
  for (const step of IMAGING_STEPS) (stageOfStep(step) === 'layout' ? layout : profiles)[step] = totals[step];
  const sum = (part: Record<string, number>): number => Object.values(part).reduce((s, ms) => s + ms, 0);
  layout.unmarked = stages.layoutMs - sum(layout);
  profiles.unmarked = stages.profilesMs - sum(profiles);
  return { layout, profiles };
}

/** A progress report of analyseKaryogram and when it came. */
export interface StageMark {
  readonly stage: AnalysisStage;
  readonly at: number;
}

/**
 * Durations of analyseKaryogram's stages from the times its progress reports came: a stage lasts from its
 * first report to the next stage's first report, the last one to `end`. A stage never reported is 0.
 */
export function stageDurations(
  start: number,
  marks: readonly StageMark[],
  end: number,
): Pick<KaryogramSteps, 'layoutMs' | 'profilesMs' | 'bandLevelMs'> {
  const firsts: StageMark[] = [];
  for (const mark of marks) if (!firsts.some((first) => first.stage === mark.stage)) firsts.push(mark);
  const durationOf = (stage: AnalysisStage): number => {
    const index = firsts.findIndex((first) => first.stage === stage);
    const first = firsts[index];
    if (!first) return 0;
    // The layout starts with the call: the time before its first report is the layout's too.
    const from = index === 0 ? start : first.at;
    return (firsts[index + 1]?.at ?? end) - from;
  };
  return {
    layoutMs: durationOf('layout'),
    profilesMs: durationOf('profiles'),
    bandLevelMs: durationOf('band-level'),
  };
}

const rounded = (ms: number): number => Math.round(ms * 100) / 100;

/** Median time (ms) of decode + polarity + layout + profiles + band level for one karyogram, and of each step. */
export async function benchKaryogram(
  runs: number,
): Promise<{ karyogramMs: number; source: string; chromosomes: number; steps: KaryogramSteps }> {
  const { image, bytes, source } = await benchImage();
  let chromosomes = 0;
  const once = async (): Promise<KaryogramSteps & { totalMs: number }> => {
    const start = performance.now();
    const decoded = bytes ? (decodeImage(source, bytes)[0]?.image ?? image) : image;
    const decodedAt = performance.now();
    const polarised = normalisePolarity(decoded).image;
    const analysisStart = performance.now();
    const marks: StageMark[] = [];
    const timer = imagingStepTimer(() => performance.now());
    const stopListening = listenToImagingSteps(timer.listener);
    const analysis = await analyseKaryogram(polarised, {
      onProgress: (stage) => marks.push({ stage, at: performance.now() }),
    }).finally(stopListening);
    const end = performance.now();
    chromosomes = analysis.chromosomes.length;
    const stages = stageDurations(analysisStart, marks, end);
    return {
      decodeMs: decodedAt - start,
      polarityMs: analysisStart - decodedAt,
      ...stages,
      detail: stepDetail(timer.totals, stages),
      totalMs: end - start,
    };
  };
  await once();
  const samples: (KaryogramSteps & { totalMs: number })[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const medianOf = (pick: (sample: KaryogramSteps & { totalMs: number }) => number): number =>
    rounded(median(samples.map(pick)));
  return {
    karyogramMs: medianOf((sample) => sample.totalMs),
    source,
    chromosomes,
    steps: {
      decodeMs: medianOf((sample) => sample.decodeMs),
      polarityMs: medianOf((sample) => sample.polarityMs),
      layoutMs: medianOf((sample) => sample.layoutMs),
      profilesMs: medianOf((sample) => sample.profilesMs),
      bandLevelMs: medianOf((sample) => sample.bandLevelMs),
      detail: {
        layout: medianDetail(samples.map((sample) => sample.detail.layout)),
        profiles: medianDetail(samples.map((sample) => sample.detail.profiles)),
      },
    },
  };
}

/** Median over runs of each step's ms (each run has the same steps). */
function medianDetail(runs: readonly StepDetail[]): StepDetail {
  const steps = Object.keys(runs[0] ?? {});
  return Object.fromEntries(steps.map((step) => [step, rounded(median(runs.map((run) => run[step] ?? 0)))]));
}
