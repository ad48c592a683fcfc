import { performance } from 'node:perf_hooks';
import { flopsPerPair } from '../../model/architecture';
import type { HomNetModel } from '../../model/homnet-model';
import { medianRun, profileInference, type InferenceProfile } from '../../model/inference-profile';
import { countPairs } from '../../model/inputs';
import { createModel, loadModel } from '../../model/load-model';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import { median } from '../../shared/statistics';
import type { BrowserBench, ScaleBenchOptions } from './browser';
import { benchHostileInputs } from './hostile';
import type { HostileOutcome } from './hostile-inputs';
import { benchKaryogram, type KaryogramSteps } from './imaging';
import { benchMetaphase, type MetaphaseBench } from './metaphase';
import { benchmarkPatient } from './patient';
import { loadAverage, shareOfPeak, yardstickTimer, type Yardstick } from './yardstick';

/** What `npm run bench` measures. */
export interface BenchOptions {
  /** Timed runs of each measurement after the warm-up. */
  readonly runs: number;
  /** A model folder; undefined: a seeded network (speed does not depend on the weights). */
  readonly modelDir: string | undefined;
  /** What runs in headless Chromium; null: nothing (Node only). */
  readonly browser: ScaleBenchOptions | null;
  /** Decide the crafted inputs of issue #26 too, each in its own process (time and peak memory). */
  readonly hostile?: boolean;
}

/** The bench JSON of ../shared/docs/formats.md ("Benchmarks"); times are medians in ms. */
export interface BenchReport {
  readonly inference: {
    /** The TensorFlow.js backend in Node. */
    readonly backend: string;
    readonly model: string;
    /** Pairs in a patient (23 types × 5 cells). */
    readonly pairs: number;
    readonly runs: number;
    /** One patient's predict() with attention maps. */
    readonly patientMs: number;
    readonly scoresOnlyPatientMs: number;
    readonly pairsPerSecond: number;
    readonly flopsPerPair: number;
    readonly gflopsPerSecond: number;
    readonly targetPatientMs: number;
    /** gflopsPerSecond as a share of yardstick.peakGflopsPerSecond (issue #25): 1 would be the machine's limit. */
    readonly shareOfPeak: number;
    readonly scoresOnlyShareOfPeak: number;
    /** One patient's predict() step by step, kernels by category (docs/performance.md). */
    readonly profile: InferenceProfile;
  };
  /** The in-run matmul throughput the inference is measured against, timed right after it. */
  readonly yardstick: Yardstick;
  /** The machine's 1, 5 and 15 minute load averages when the inference and the yardstick were timed. */
  readonly loadAverage: readonly number[];
  readonly imaging: {
    readonly karyogramMs: number;
    /** The karyogram's file name, or what stood in for it. */
    readonly source: string;
    readonly chromosomes: number;
    readonly targetKaryogramMs: number;
    /** Median ms of each step: decode, polarity, then the analysis's layout, profiles and band level. */
    readonly steps: KaryogramSteps;
  };
  /** One metaphase arranged without annotation (issue #24 item 5). */
  readonly metaphase: MetaphaseBench;
  readonly browser?: BrowserBench;
  /** With --hostile: each crafted input's time to a decision and its process's peak memory. */
  readonly hostileInputs?: readonly HostileOutcome[];
}

/** Wall times (ms) of `runs` runs after `warmUp` untimed ones; `between` runs untimed after each timed run. */
async function timeRuns(
  run: () => Promise<unknown>,
  warmUp: number,
  runs: number,
  between: () => void = () => undefined,
): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    between();
  }
  return times;
}

async function openModel(directory: string | undefined): Promise<HomNetModel> {
  if (directory) return loadModel({ weights: await readArtifactsFromDirectory(directory), backend: 'wasm' });
  // Speed does not depend on the weights' values; a seeded network stands in when none is given.
  return createModel({ seed: 1, backend: 'wasm' });
}

/** Two decimals, as the JSON reports times and rates. */
const round = (value: number): number => Math.round(value * 100) / 100;

/** The profile with its times to two decimals, as the JSON reports times. */
function roundProfile(profile: InferenceProfile): InferenceProfile {
  return {
    ...profile,
    pairMeasuresMs: round(profile.pairMeasuresMs),
    dataPreparationMs: round(profile.dataPreparationMs),
    forwardMs: round(profile.forwardMs),
    readBackMs: round(profile.readBackMs),
    unpackMs: round(profile.unpackMs),
    kernelMs: round(profile.kernelMs),
    kernels: profile.kernels.map((category) => ({ ...category, ms: round(category.ms) })),
  };
}

/**
 * Times one patient's inference on WASM in Node (with attention maps and scores only), one karyogram
 * through the image pipeline, and, when asked, the app in headless Chromium.
 */
export async function runBench({ runs, modelDir, browser, hostile }: BenchOptions): Promise<BenchReport> {
  const model = await openModel(modelDir);
  try {
    const patient = benchmarkPatient(5);
    const pairs = countPairs(patient);
    // The patient's runs alternate with the yardstick's rounds, so both see the same load (issue #25).
    const yardstickRounds = yardstickTimer(model.architecture, pairs, patient.length);
    let withDetails: number[];
    let scoresOnly: number[];
    let yardstick: Yardstick;
    try {
      const between = (): void => {
        yardstickRounds.round();
      };
      withDetails = await timeRuns(() => model.predict(patient), 3, runs, between);
      scoresOnly = await timeRuns(() => model.predict(patient, { details: false }), 3, runs, between);
      yardstick = yardstickRounds.result();
    } finally {
      yardstickRounds.dispose();
    }
    const patientMs = median(withDetails);
    const scoresOnlyMs = median(scoresOnly);
    const profiles: InferenceProfile[] = [];
    for (let i = 0; i < 3; i++) profiles.push(await profileInference(model, patient));
    const profile = medianRun(profiles);
    const load = loadAverage();
    const flops = flopsPerPair(model.architecture);
    const rate = (ms: number): number => round((flops * pairs) / (ms * 1e6));
    const imaging = await benchKaryogram(Math.max(5, Math.min(runs, 15)));
    const metaphase = await benchMetaphase(Math.max(3, Math.min(runs, 7)));
    let inBrowser: BrowserBench | null = null;
    if (browser) {
      // Loaded only when asked for: it pulls in Vite and Playwright.
      const { benchInChromium } = await import('./browser');
      inBrowser = await benchInChromium(patient, ['webgpu', 'wasm'], Math.min(runs, 5), browser);
    }
    return {
      inference: {
        backend: model.backend.name,
        model: model.id,
        pairs,
        runs,
        patientMs: round(patientMs),
        scoresOnlyPatientMs: round(scoresOnlyMs),
        pairsPerSecond: round((pairs / patientMs) * 1000),
        flopsPerPair: flops,
        gflopsPerSecond: rate(patientMs),
        targetPatientMs: 80,
        shareOfPeak: shareOfPeak(rate(patientMs), yardstick.peakGflopsPerSecond),
        scoresOnlyShareOfPeak: shareOfPeak(rate(scoresOnlyMs), yardstick.peakGflopsPerSecond),
        profile: roundProfile(profile),
      },
      yardstick,
      loadAverage: load,
      imaging: { ...imaging, targetKaryogramMs: 100 },
      metaphase,
      ...(inBrowser ? { browser: inBrowser } : {}),
      ...(hostile === true ? { hostileInputs: benchHostileInputs() } : {}),
    };
  } finally {
    model.dispose();
  }
}
