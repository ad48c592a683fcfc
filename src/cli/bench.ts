import { performance } from 'node:perf_hooks';
import { countPairs } from '../model/inputs';
import { createModel, loadModel } from '../model/load-model';
import { flopsPerPair } from '../model/architecture';
import type { HomNetModel } from '../model/homnet-model';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { integerOption, parseArgs, runCli, stringOption } from './common/args';
import type { BrowserBench } from './bench/browser';
import { benchKaryogram } from './bench/imaging';
import { median } from '../shared/statistics';
import { benchmarkPatient } from './bench/patient';

const USAGE = `usage: npm run -s bench -- [--json] [--runs N] [--model <dir>] [--browser]
       [--big-cells N] [--cases-wasm N] [--cases-webgpu N] [--no-scale] [--responsiveness] [--trace <file>]
  Measures per-patient HomNet inference (23 types × 5 cells, batched) on WASM in Node,
  and one 1017×896 karyogram through decoding, layout parsing and profiles.
  --browser also times it in the app's Web Worker in headless Chromium, on WebGPU (SwiftShader) and WASM,
  then (unless --no-scale) a big case of N cells of 3000×2400 px (default 20) and cases in a row in one
  worker (default 100 on WASM, 12 on WebGPU) with tf.memory and the worker heap at checkpoints.
  --responsiveness runs only the page's main-thread parts in Chromium (the 5-cell case and the big case,
  each watched until its results are drawn), without worker inference timings or cases in a row.
  --trace <file> writes a Chromium performance trace of the big case and reports its longest main-thread
  task by wall and by CPU time (CPU time does not count other processes' load on a shared machine).`;

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

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), [
    'json',
    'help',
    'browser',
    'runs=',
    'model=',
    'big-cells=',
    'cases-wasm=',
    'cases-webgpu=',
    'no-scale',
    'responsiveness',
    'trace=',
  ]);
  if (args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const runs = integerOption(args, 'runs', 15);
  const model = await openModel(stringOption(args, 'model'));
  const patient = benchmarkPatient(5);
  const pairs = countPairs(patient);
  const withDetails = await timeRuns(() => model.predict(patient), 3, runs);
  const scoresOnly = await timeRuns(() => model.predict(patient, { details: false }), 3, runs);
  const patientMs = median(withDetails);
  const flops = flopsPerPair(model.architecture);
  const imaging = await benchKaryogram(Math.max(5, Math.min(runs, 15)));
  let browser: BrowserBench | null = null;
  const responsivenessOnly = args.options.has('responsiveness');
  if (args.options.has('browser') || responsivenessOnly) {
    const { benchInChromium } = await import('./bench/browser');
    const trace = stringOption(args, 'trace');
    const bigCase = {
      bigCells: integerOption(args, 'big-cells', 20),
      ...(trace === undefined ? {} : { bigCaseTrace: trace }),
    };
    const scale = responsivenessOnly
      ? { inference: false, ...bigCase }
      : args.options.has('no-scale')
        ? {}
        : {
            ...bigCase,
            casesInARow: {
              wasm: integerOption(args, 'cases-wasm', 100),
              webgpu: integerOption(args, 'cases-webgpu', 12),
            },
          };
    browser = await benchInChromium(patient, ['webgpu', 'wasm'], Math.min(runs, 5), scale);
  }
  const report = {
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
    ...(browser ? { browser } : {}),
  };
  model.dispose();
  if (args.options.has('json')) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const i = report.inference;
    process.stdout.write(
      `inference (${i.backend}, ${i.pairs} pairs): ${i.patientMs} ms per patient with attention maps, ` +
        `${i.scoresOnlyPatientMs} ms scores only; ${i.pairsPerSecond} pairs/s; ` +
        `${(i.flopsPerPair / 1e6).toFixed(2)} MFLOP per pair, ${i.gflopsPerSecond} GFLOP/s (target ≤ ${i.targetPatientMs} ms)\n`,
    );
    process.stdout.write(
      `imaging (${imaging.source}): ${imaging.karyogramMs} ms per karyogram, ${imaging.chromosomes} chromosomes (target ≤ 100 ms)\n`,
    );
    if (browser) {
      process.stdout.write(
        `chromium main thread while a 5-cell case is analysed in the worker and drawn: longest task ≤ ${browser.mainThread.longestGapMs} ms ` +
          `(${browser.mainThread.longestGapDuringJobMs} during the job, ${browser.mainThread.longestGapAfterJobMs} after; 10 ms heartbeat; target ≤ 50 ms), ` +
          `${browser.mainThread.analysisMs} ms to verdicts, drawn ${browser.mainThread.settleMs} ms later\n`,
      );
    }
    const big = browser?.bigCase;
    if (big) {
      process.stdout.write(
        `big case, ${big.cells} cells of ${big.width}×${big.height} px: ${big.totalMs} ms (${big.msPerCell} ms per cell, ` +
          `${big.cellsAnalysed} analysed, ${big.progressUpdates} progress steps, drawn ${big.settleMs} ms after the verdicts); ` +
          `longest main-thread task ≤ ${big.longestMainThreadTaskMs} ms (${big.longestTaskDuringJobMs} during the job, ${big.longestTaskAfterJobMs} after); ` +
          `peak tab JS ${big.peakTabJsMB} MB, renderer RSS ${big.peakRendererRssMB ?? '?'} MB (target < 1536 MB)\n`,
      );
      if (big.trace) {
        process.stdout.write(
          `big case trace: ${big.trace.tasks} main-thread tasks, longest ${big.trace.longestTaskMs} ms wall, ` +
            `${big.trace.longestTaskCpuMs} ms CPU; ${big.trace.tasksOver50MsCpu} over 50 ms CPU\n`,
        );
      }
    }
    for (const run of browser?.manyCases ?? []) {
      const points = run.checkpoints
        .map(
          (c) =>
            `case ${c.case}: ${c.numTensors} tensors, ${c.numBytes} B` +
            `${c.numBytesInGPU === null ? '' : `, ${c.numBytesInGPU} B on GPU`}, heap ${(c.heapUsedBytes / 2 ** 20).toFixed(2)} MB, buffers ${(c.backingStorageBytes / 2 ** 20).toFixed(2)} MB`,
        )
        .join('; ');
      process.stdout.write(
        `${run.cases} cases in a row (${run.tfBackend}, ${run.msPerCase} ms each): ${points}\n`,
      );
    }
    for (const b of browser?.inference ?? []) {
      process.stdout.write(
        `chromium worker, ${b.tfBackend}${b.adapter ? ` (${b.adapter})` : ''}: ${b.patientMs} ms per patient\n`,
      );
    }
  }
  return 0;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

runCli(main);
