import { HOSTILE_BUDGET } from './hostile';
import type { InferenceProfile } from '../../model/inference-profile';
import type { BenchReport } from './run-bench';
import type { TimedMatmul } from './yardstick';

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(2);

/** 0.234 → "23.4 %". */
const percent = (share: number): string => `${(share * 100).toFixed(1)} %`;

const shapeText = (shape: TimedMatmul): string =>
  `${shape.batch === 1 ? '' : `${shape.batch} × `}${shape.m}×${shape.k}×${shape.n} ${shape.gflopsPerSecond} GFLOP/s` +
  (shape.count > 0 ? ` (${shape.label}, ×${shape.count})` : '');

/** One patient's predict() step by step, then the forward pass's kernels by category. */
export function profileText(profile: InferenceProfile): string {
  const ms = (value: number): string => value.toFixed(2);
  const kernels = profile.kernelTimesAvailable
    ? profile.kernels.map((part) => `${part.category} ${ms(part.ms)}`).join(', ')
    : 'kernel times not available on this backend';
  return (
    `profile (${profile.backend}, ${profile.pairs} pairs, ms): pair measures ${ms(profile.pairMeasuresMs)}, ` +
    `data preparation ${ms(profile.dataPreparationMs)}, forward ${ms(profile.forwardMs)}, read-back ${ms(profile.readBackMs)}, ` +
    `unpacking ${ms(profile.unpackMs)}; kernels ${ms(profile.kernelMs)}: ${kernels}`
  );
}

/** The bench as `npm run bench` prints it without --json: one line per measurement. */
export function renderBench(report: BenchReport): string {
  const i = report.inference;
  const imaging = report.imaging;
  const browser = report.browser;
  const lines = [
    `inference (${i.backend}, ${i.pairs} pairs): ${i.patientMs} ms per patient with attention maps, ` +
      `${i.scoresOnlyPatientMs} ms scores only; ${i.pairsPerSecond} pairs/s; ` +
      `${(i.flopsPerPair / 1e6).toFixed(2)} MFLOP per pair, ${i.gflopsPerSecond} GFLOP/s (target ≤ ${i.targetPatientMs} ms)`,
    `share of the in-run peak (${report.yardstick.peakGflopsPerSecond} GFLOP/s): ${percent(i.shareOfPeak)} with attention maps, ` +
      `${percent(i.scoresOnlyShareOfPeak)} scores only; the patient's matmuls alone take ${report.yardstick.patientMatmulMs} ms; ` +
      `load average ${report.loadAverage.join(' ')}`,
    `yardstick (${report.yardstick.backend}): ${report.yardstick.shapes.map(shapeText).join('; ')}`,
    profileText(i.profile),
    `imaging (${imaging.source}): ${imaging.karyogramMs} ms per karyogram, ${imaging.chromosomes} chromosomes (target ≤ 100 ms); ` +
      `decode ${imaging.steps.decodeMs}, polarity ${imaging.steps.polarityMs}, layout ${imaging.steps.layoutMs}, ` +
      `profiles ${imaging.steps.profilesMs}, band level ${imaging.steps.bandLevelMs} ms`,
    `imaging layout by step (ms): ${detailText(imaging.steps.detail.layout)}`,
    `imaging profiles by step (ms, all chromosomes): ${detailText(imaging.steps.detail.profiles)}`,
    `metaphase without annotation (${report.metaphase.source}, ${report.metaphase.objects} objects, classifier ${report.metaphase.classifier}): ` +
      `${report.metaphase.arrangeMs} ms arranged (target ≤ ${report.metaphase.targetMs} ms); segmentation ${report.metaphase.segmentationMs}, ` +
      `profiles ${report.metaphase.profilesMs}, classifier and assignment ${report.metaphase.classifyMs} ms`,
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
    const facts = b.adapterInfo;
    const adapter = facts
      ? `, ${facts.kind} adapter (${[facts.vendor, facts.architecture, facts.device, facts.description].filter(Boolean).join(' / ') || 'unnamed'}, ` +
        `isFallbackAdapter ${facts.isFallbackAdapter === null ? 'not reported' : String(facts.isFallbackAdapter)})`
      : '';
    lines.push(
      `chromium worker, ${b.tfBackend}${b.adapter ? ` (${b.adapter})` : ''}${adapter}: ${b.patientMs} ms per patient`,
    );
    if (b.profile) lines.push(`chromium worker ${profileText(b.profile)}`);
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

/** "step 1.2, other step 3.4": a stage's marked steps in order, then what its marks leave out. */
function detailText(detail: Readonly<Record<string, number>>): string {
  return Object.entries(detail)
    .map(([step, ms]) => `${step} ${ms}`)
    .join(', ');
}
