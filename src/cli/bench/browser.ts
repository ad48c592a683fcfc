import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import type {} from '../../ui/test-hooks';
import type { BackendName } from '../../model/backend';
import type { InferenceProfile } from '../../model/inference-profile';
import type { BagInput } from '../../model/inputs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../common/chromium';
import { benchBigCase, type BigCaseBench } from './big-case';
import { mainThreadDuringAnalysis, type MainThreadWatch } from './responsiveness';
import { casesInARow, type ManyCasesRun } from './many-cases';
import { describeAdapter, probeAdapterInPage, type WebGpuAdapterReport } from './webgpu-adapter';

export interface BrowserBenchResult {
  readonly backend: BackendName;
  readonly tfBackend: string;
  readonly adapter: string | null;
  /** On WebGPU, the adapter's own facts and whether it is software or hardware (issue #25). */
  readonly adapterInfo?: WebGpuAdapterReport | null;
  /** Median wall time of one patient's predict() seen from the page, worker round trip included. */
  readonly patientMs: number;
  readonly runs: number;
  /** One predict() in the worker step by step, kernels by category (the Node bench's breakdown). */
  readonly profile?: InferenceProfile;
}

/** Inference per backend in the app's worker, and the main thread while a case is analysed. */
export interface BrowserBench {
  readonly inference: BrowserBenchResult[];
  readonly mainThread: Omit<MainThreadWatch, 'progress'>;
  /** 20 cells of 3000 × 2400 px in one job (issue #7). */
  readonly bigCase?: BigCaseBench;
  /** Cases in a row in one worker, per backend: tf.memory and worker heap at checkpoints (issue #7). */
  readonly manyCases?: ManyCasesRun[];
}

/** What the scale part of the browser bench runs (issue #7); omitted parts are skipped. */
export interface ScaleBenchOptions {
  /** false skips timing inference in the worker (only the page's responsiveness and scale parts run). */
  readonly inference?: boolean;
  readonly bigCells?: number;
  /** Where to write a Chromium performance trace of the big case. */
  readonly bigCaseTrace?: string;
  /** Cases in a row per backend, e.g. { wasm: 100, webgpu: 12 }. */
  readonly casesInARow?: Partial<Record<BackendName, number>>;
}

/** Checkpoints of a run of `cases`: after warm-up (case 10, or 4 for short runs) and at the end. */
function checkpointsFor(cases: number): number[] {
  const warm = cases >= 20 ? 10 : Math.min(4, cases);
  return [...new Set([warm, Math.ceil((warm + cases) / 2), cases])];
}

/**
 * Builds the app, serves it on loopback and times per-patient inference in its real Web Worker in
 * headless Chromium. With SwiftShader the WebGPU figure is a correctness path, not a speed claim.
 */
export async function benchInChromium(
  patient: readonly BagInput[],
  backends: readonly BackendName[],
  runs: number,
  scale: ScaleBenchOptions = {},
): Promise<BrowserBench> {
  await build({ logLevel: 'warn' });
  const server = await preview({ logLevel: 'warn', preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report its URL');
    const page = await browser.newPage();
    await page.goto(url);
    const bags = patient.map((bag) => ({
      type: bag.type,
      pairs: bag.pairs.map((p) => ({
        homologs: p.homologs.map((h) => Array.from(h)),
        bandLevel: p.bandLevel,
      })),
    }));
    const adapterFacts = await page.evaluate(probeAdapterInPage);
    const adapterInfo = adapterFacts ? describeAdapter(adapterFacts) : null;
    const results: BrowserBenchResult[] = [];
    for (const backend of scale.inference === false ? [] : backends) {
      const measured = await page.evaluate(
        async ({ backend, bags, runs }) => {
          const hooks = window.__homnetTestHooks;
          if (!hooks) throw new Error('the app did not expose its test hooks');
          const worker = hooks.startWorker();
          try {
            const status = await worker.api.loadModel({ kind: 'seed', seed: 1 }, backend);
            const inputs = bags.map((bag) => ({
              type: bag.type,
              pairs: bag.pairs.map((p) => ({
                homologs: [
                  new Float32Array(p.homologs[0] ?? []),
                  new Float32Array(p.homologs[1] ?? []),
                ] as const,
                bandLevel: p.bandLevel,
              })),
            }));
            const times: number[] = [];
            for (let i = 0; i < runs + 2; i++) {
              const start = performance.now();
              await worker.api.predict(inputs);
              if (i >= 2) times.push(performance.now() - start);
            }
            times.sort((a, b) => a - b);
            return {
              backend,
              tfBackend: status.tfBackend,
              adapter: status.backend.adapter ?? null,
              patientMs: Math.round((times[Math.floor(times.length / 2)] ?? Number.NaN) * 100) / 100,
              runs,
              profile: await worker.api.profilePredict(inputs),
            };
          } finally {
            worker.terminate();
          }
        },
        { backend, bags, runs },
      );
      results.push(backend === 'webgpu' ? { ...measured, adapterInfo } : measured);
    }
    const fresh = await browser.newPage();
    await fresh.goto(url);
    const mainThread = await mainThreadDuringAnalysis(fresh);
    await fresh.close();
    const bigCase =
      scale.bigCells === undefined
        ? undefined
        : await benchBigCase(browser, url, scale.bigCells, scale.bigCaseTrace);
    const manyCases: ManyCasesRun[] = [];
    for (const [backend, cases] of Object.entries(scale.casesInARow ?? {})) {
      const page = await browser.newPage();
      await page.goto(`${url}?backend=wasm`);
      await page.locator('.type-card[data-verdict]').first().waitFor({ timeout: 180_000 });
      manyCases.push(
        await casesInARow(browser, page, {
          backend: backend as BackendName,
          cases,
          checkpoints: checkpointsFor(cases),
        }),
      );
      await page.close();
    }
    return {
      inference: results,
      mainThread,
      ...(bigCase ? { bigCase } : {}),
      ...(manyCases.length > 0 ? { manyCases } : {}),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      server.httpServer.close(() => {
        resolve();
      });
    });
  }
}
