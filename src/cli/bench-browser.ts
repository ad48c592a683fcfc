import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import type {} from '../ui/test-hooks';
import type { BackendName, BagInput } from '../model';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { mainThreadDuringAnalysis } from './bench-responsiveness';

export interface BrowserBenchResult {
  readonly backend: BackendName;
  readonly tfBackend: string;
  readonly adapter: string | null;
  /** Median wall time of one patient's predict() seen from the page, worker round trip included. */
  readonly patientMs: number;
  readonly runs: number;
}

/** Inference per backend in the app's worker, and the main thread while a case is analysed. */
export interface BrowserBench {
  readonly inference: BrowserBenchResult[];
  readonly mainThread: { readonly longestGapMs: number; readonly analysisMs: number };
}

/**
 * Builds the app, serves it on loopback and times per-patient inference in its real Web Worker in
 * headless Chromium. With SwiftShader the WebGPU figure is a correctness path, not a speed claim.
 */
export async function benchInChromium(
  patient: readonly BagInput[],
  backends: readonly BackendName[],
  runs: number,
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
    const results: BrowserBenchResult[] = [];
    for (const backend of backends) {
      results.push(
        await page.evaluate(
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
              };
            } finally {
              worker.terminate();
            }
          },
          { backend, bags, runs },
        ),
      );
    }
    const fresh = await browser.newPage();
    await fresh.goto(url);
    const mainThread = await mainThreadDuringAnalysis(fresh);
    return { inference: results, mainThread };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      server.httpServer.close(() => {
        resolve();
      });
    });
  }
}
