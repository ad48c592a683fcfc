import { HOSTILE_BUDGET } from './hostile';
import type { BenchReport } from './run-bench';

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);

/** The bench as `npm run bench` prints it without --json: one line per measurement. */
export function renderBench(report: BenchReport): string {
  const i = report.inference;
  const imaging = report.imaging;
  const browser = report.browser;
  const lines = [
    `inference (${i.backend}, ${i.pairs} pairs): ${i.patientMs} ms per patient with attention maps, ` +
      `${i.scoresOnlyPatientMs} ms scores only; ${i.pairsPerSecond} pairs/s; ` +
      `${(i.flopsPerPair / 1e6).toFixed(2)} MFLOP per pair, ${i.gflopsPerSecond} GFLOP/s (target ≤ ${i.targetPatientMs} ms)`,
    `imaging (${imaging.source}): ${imaging.karyogramMs} ms per karyogram, ${imaging.chromosomes} chromosomes (target ≤ 100 ms)`,
  ];
  if (browser) {
    const main = browser.mainThread;
    lines.push(
      `chromium main thread while a 5-cell case is analysed in the worker and drawn: longest task ≤ ${main.longestGapMs} ms ` +
        `(${main.longestGapDuringJobMs} during the job, ${main.longestGapAfterJobMs} after; 10 ms heartbeat; target ≤ 50 ms), ` +
        `${main.analysisMs} ms to verdicts, drawn ${main.settleMs} ms later`,
    );
  }
  const big = browser?.bigCase;
  if (big) {
    lines.push(
      `big case, ${big.cells} cells of ${big.width}×${big.height} px: ${big.totalMs} ms (${big.msPerCell} ms per cell, ` +
        `${big.cellsAnalysed} analysed, ${big.progressUpdates} progress steps, drawn ${big.settleMs} ms after the verdicts); ` +
        `longest main-thread task ≤ ${big.longestMainThreadTaskMs} ms (${big.longestTaskDuringJobMs} during the job, ${big.longestTaskAfterJobMs} after); ` +
        `peak tab JS ${big.peakTabJsMB} MB, renderer RSS ${big.peakRendererRssMB ?? '?'} MB (target < 1536 MB)`,
    );
    if (big.trace) {
      lines.push(
        `big case trace: ${big.trace.tasks} main-thread tasks, longest ${big.trace.longestTaskMs} ms wall, ` +
          `${big.trace.longestTaskCpuMs} ms CPU; ${big.trace.tasksOver50MsCpu} over 50 ms CPU`,
      );
    }
  }
  for (const run of browser?.manyCases ?? []) {
    const points = run.checkpoints
      .map(
        (c) =>
          `case ${c.case}: ${c.numTensors} tensors, ${c.numBytes} B` +
          `${c.numBytesInGPU === null ? '' : `, ${c.numBytesInGPU} B on GPU`}, heap ${mb(c.heapUsedBytes)} MB, buffers ${mb(c.backingStorageBytes)} MB`,
      )
      .join('; ');
    lines.push(`${run.cases} cases in a row (${run.tfBackend}, ${run.msPerCase} ms each): ${points}`);
  }
  for (const b of browser?.inference ?? []) {
    lines.push(
      `chromium worker, ${b.tfBackend}${b.adapter ? ` (${b.adapter})` : ''}: ${b.patientMs} ms per patient`,
    );
  }
  for (const input of report.hostileInputs ?? []) {
    const within = input.ms <= HOSTILE_BUDGET.ms && input.peakRssMb <= HOSTILE_BUDGET.peakRssMb;
    lines.push(
      `hostile input, ${input.name}: decided in ${input.ms} ms at ${input.peakRssMb} MB peak ` +
        `(${within ? 'within' : 'OVER'} the ${HOSTILE_BUDGET.ms / 1000} s / ${HOSTILE_BUDGET.peakRssMb} MB budget); ` +
        `${input.cells} cells analysed${input.firstError === null ? '' : `, first refusal: ${input.firstError}`}`,
    );
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** The bench JSON (../shared/docs/formats.md, "Benchmarks"), as `--json` prints it. */
export function renderBenchJson(report: BenchReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
