import { resolve } from 'node:path';
import { loadModel } from '../model/load-model';
import { readArtifactsFromDirectory, writeArtifactsToDirectory } from '../model/weights/node-files';
import { UsageError, hasSwitch, parseArgs, runCli, stringOption } from './common/args';
import { shippedModelDirectory } from './common/shipped-model';
import { loadLabs } from './common/training-labs';
import {
  FALSE_FLAGS_PER_CASE,
  realCaseThreshold,
  realValidationScores,
} from './evaluation/real-case-threshold';
import { flagsPerCase } from './evaluation/real-case-scores';
import { calibrateScores, measureCaseCalibration } from '../pipeline/verdict/case-calibration';

const USAGE = `usage: npm run choose-threshold -- [--model <dir>] [--data <dir>[,<dir>…]] [--write] [--write-calibration]
  Scores every lab's validation patients (the split \`train\` made with the model's seed) as real cases and
  prints the false flags per case at the model's threshold and at the lowest threshold that keeps every
  lab at ≤ ${FALSE_FLAGS_PER_CASE} per case, with the model's own scores and with them calibrated to their
  case (the reference measured on these cases, see pipeline/verdict/case-calibration). --write stores that
  threshold in the model's manifest, --write-calibration the case calibration (the weights, and so the
  checksum and id, stay as they are). Defaults: the shipped model; pki3 and tseng.`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    model: 'value',
    data: 'value',
    write: 'switch',
    'write-calibration': 'switch',
  });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const modelDir = resolve(stringOption(args, 'model') ?? (await shippedModelDirectory()));
  const artifacts = await readArtifactsFromDirectory(modelDir);
  // The model's own scores: the calibration is measured on them (a stored one is left out here).
  const { caseCalibration: stored, ...uncalibrated } = artifacts.manifest;
  const model = await loadModel({ weights: { ...artifacts, manifest: uncalibrated }, backend: 'wasm' });
  const seed = Number(artifacts.manifest.training?.splitSeed ?? artifacts.manifest.training?.seed ?? 1);
  const dataDirs = (stringOption(args, 'data') ?? '../shared/data/pki3,../shared/data/tseng').split(',');
  const { labs } = await loadLabs(dataDirs, resolve('.checkpoints/cache'));
  const own = await realValidationScores(model, labs, seed);
  const calibration = measureCaseCalibration(own.flatMap((lab) => lab.scores));
  const calibrated = own.map((lab) => ({
    lab: lab.lab,
    scores: lab.scores.map((types) => calibrateScores(types, calibration)),
  }));
  const mean = (counts: number[]): string =>
    (counts.reduce((s, n) => s + n, 0) / Math.max(1, counts.length)).toFixed(2);
  const { threshold } = model.info;
  const report = (label: string, scores: typeof own): number => {
    const chosen = realCaseThreshold(scores);
    for (const lab of scores)
      process.stdout.write(
        `${label} ${lab.lab}: ${lab.scores.length} validation cases; false flags per case ${mean(flagsPerCase(lab.scores, threshold))} at ${threshold.toFixed(3)}, ${mean(flagsPerCase(lab.scores, chosen))} at ${chosen.toFixed(3)}\n`,
      );
    process.stdout.write(
      `${label}: threshold for ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal case: ${chosen.toFixed(4)}\n`,
    );
    return chosen;
  };
  report("model's own scores", own);
  process.stdout.write(
    calibration === null
      ? 'case calibration: no validation case has enough types with a verdict to measure one\n'
      : `case calibration: ${String(calibration.quantile)} quantile of a case's log-odds, reference ${calibration.referenceLogit.toFixed(3)}, from ${String(calibration.minTypes)} types${stored ? ` (stored: reference ${stored.referenceLogit.toFixed(3)})` : ' (none stored)'}\n`,
  );
  const chosen = report('calibrated to their case', calibrated);
  if (hasSwitch(args, 'write-calibration')) {
    if (calibration === null) throw new UsageError('no case calibration could be measured to write');
    await writeArtifactsToDirectory(modelDir, {
      ...artifacts,
      manifest: { ...artifacts.manifest, caseCalibration: calibration },
    });
    process.stderr.write(`${modelDir}: case calibration written\n`);
  }
  if (hasSwitch(args, 'write')) {
    const current = await readArtifactsFromDirectory(modelDir);
    await writeArtifactsToDirectory(modelDir, {
      ...current,
      manifest: {
        ...current.manifest,
        threshold: chosen,
        training: {
          ...current.manifest.training,
          thresholdRule: `lowest with ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal validation case in every lab, scores calibrated to their case (${calibrated.map((s) => s.lab).join(', ')})`,
          // The threshold training chose on single bags; kept when a model's threshold is chosen again.
          singleBagThreshold: current.manifest.training?.singleBagThreshold ?? current.manifest.threshold,
        },
      },
    });
    process.stderr.write(`${modelDir}: threshold ${chosen.toFixed(4)} written\n`);
  }
  model.dispose();
  return 0;
}

runCli(main);
