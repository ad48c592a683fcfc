import type { ParsedArgs } from './common/args';
import { hasSwitch, integerOption, parseArgs, runCli, stringOption } from './common/args';
import type { ScaleBenchOptions } from './bench/browser';
import { renderBench, renderBenchJson } from './bench/render-bench';
import { runBench } from './bench/run-bench';

const USAGE = `usage: npm run -s bench -- [--json] [--runs N] [--model <dir>] [--browser] [--hostile]
       [--big-cells N] [--cases-wasm N] [--cases-webgpu N] [--no-scale] [--responsiveness] [--trace <file>]
  Measures per-patient HomNet inference (23 types × 5 cells, batched) on WASM in Node, as ms and as a share
  of the WASM matmul throughput timed in the same run (the patient's own shapes and 512³), with the load
  average and a profile of one inference (docs/performance.md), and one 1017×896 karyogram through decoding,
  layout parsing and profiles, step by step.
  --browser also times it in the app's Web Worker in headless Chromium, on WebGPU (SwiftShader) and WASM,
  then (unless --no-scale) a big case of N cells of 3000×2400 px (default 20) and cases in a row in one
  worker (default 100 on WASM, 12 on WebGPU) with tf.memory and the worker heap at checkpoints.
  --responsiveness runs only the page's main-thread parts in Chromium (the 5-cell case and the big case,
  each watched until its results are drawn), without worker inference timings or cases in a row.
  --trace <file> writes a Chromium performance trace of the big case and reports its longest main-thread
  task by wall and by CPU time (CPU time does not count other processes' load on a shared machine).
  --hostile also decides the crafted inputs of issue #26 (a TIFF of 256 pages on one strip, lying JPEGs,
  2,400 broken bars, a 20,000 px wide image, a zip of 2,047 × 1 MB entries, the largest page allowed),
  each in its own Node process, with its time to a decision and peak memory (budget: 30 s, 1.5 GB).`;

const SPEC = {
  json: 'switch',
  help: 'switch',
  browser: 'switch',
  runs: 'value',
  model: 'value',
  'big-cells': 'value',
  'cases-wasm': 'value',
  'cases-webgpu': 'value',
  'no-scale': 'switch',
  responsiveness: 'switch',
  trace: 'value',
  hostile: 'switch',
} as const;

/** What runs in Chromium: null without --browser or --responsiveness. */
function browserOptions(args: ParsedArgs<typeof SPEC>): ScaleBenchOptions | null {
  const responsivenessOnly = hasSwitch(args, 'responsiveness');
  if (!hasSwitch(args, 'browser') && !responsivenessOnly) return null;
  const trace = stringOption(args, 'trace');
  const bigCase = {
    bigCells: integerOption(args, 'big-cells', 20),
    ...(trace === undefined ? {} : { bigCaseTrace: trace }),
  };
  if (responsivenessOnly) return { inference: false, ...bigCase };
  if (hasSwitch(args, 'no-scale')) return {};
  return {
    ...bigCase,
    casesInARow: {
      wasm: integerOption(args, 'cases-wasm', 100),
      webgpu: integerOption(args, 'cases-webgpu', 12),
    },
  };
}

/** Prints the benchmark as text, or with --json as the JSON of ../shared/docs/formats.md. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), SPEC);
  if (hasSwitch(args, 'help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const report = await runBench({
    runs: integerOption(args, 'runs', 15),
    modelDir: stringOption(args, 'model'),
    browser: browserOptions(args),
    hostile: hasSwitch(args, 'hostile'),
  });
  process.stdout.write(hasSwitch(args, 'json') ? renderBenchJson(report) : renderBench(report));
  return 0;
}

runCli(main);
