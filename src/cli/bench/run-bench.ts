import { performance } from 'node:perf_hooks';
import { flopsPerPair } from '../../model/architecture';
import type { HomNetModel } from '../../model/homnet-model';
import { countPairs } from '../../model/inputs';
import { createModel, loadModel } from '../../model/load-model';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import { median } from '../../shared/statistics';
import type { BrowserBench, ScaleBenchOptions } from './browser';
import { benchHostileInputs } from './hostile';
import type { HostileOutcome } from './hostile-inputs';
import { benchKaryogram } from './imaging';
import { benchmarkPatient } from './patient';

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
  };
  readonly imaging: {
    readonly karyogramMs: number;
    /** The karyogram's file name, or what stood in for it. */
    readonly source: string;
    readonly chromosomes: number;
    readonly targetKaryogramMs: number;
  };
  readonly browser?: BrowserBench;
  /** With --hostile: each crafted input's time to a decision and its process's peak memory. */
  readonly hostileInputs?: readonly HostileOutcome[];
}

/** Wall times (ms) of `runs` runs after `warmUp` untimed ones. */
async function timeRuns(run: () => Promise<unknown>, warmUp: number, runs: number): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
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

/**
 * Times one patient's inference on WASM in Node (with attention maps and scores only), one karyogram
 * through the image pipeline, and, when asked, the app in headless Chromium.
 */
export async function runBench({ runs, modelDir, browser, hostile }: BenchOptions): Promise<BenchReport> {
  const model = await openModel(modelDir);
  try {
    const patient = benchmarkPatient(5);
    const pairs = countPairs(patient);
    const withDetails = await timeRuns(() => model.predict(patient), 3, runs);
    const scoresOnly = await timeRuns(() => model.predict(patient, { details: false }), 3, runs);
    const patientMs = median(withDetails);
    const flops = flopsPerPair(model.architecture);
    const imaging = await benchKaryogram(Math.max(5, Math.min(runs, 15)));
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
        scoresOnlyPatientMs: round(median(scoresOnly)),
        pairsPerSecond: round((pairs / patientMs) * 1000),
        flopsPerPair: flops,
        gflopsPerSecond: round((flops * pairs) / (patientMs * 1e6)),
        targetPatientMs: 80,
      },
      imaging: { ...imaging, targetKaryogramMs: 100 },
      ...(inBrowser ? { browser: inBrowser } : {}),
      ...(hostile === true ? { hostileInputs: benchHostileInputs() } : {}),
    };
  } finally {
    model.dispose();
  }
}
