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

const USAGE = `usage: npm run choose-threshold -- [--model <dir>] [--data <dir>[,<dir>…]] [--write]
  Scores every lab's validation patients (the split \`train\` made with the model's seed) as real cases and
  prints the false flags per case at the model's threshold and at the lowest threshold that keeps every
  lab at ≤ ${FALSE_FLAGS_PER_CASE} per case. --write stores that threshold in the model's manifest (the
  weights, and so the checksum and id, stay as they are). Defaults: the shipped model; pki3 and tseng.`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    model: 'value',
    data: 'value',
    write: 'switch',
  });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const modelDir = resolve(stringOption(args, 'model') ?? (await shippedModelDirectory()));
  const artifacts = await readArtifactsFromDirectory(modelDir);
  const model = await loadModel({ weights: artifacts, backend: 'wasm' });
  const seed = Number(artifacts.manifest.training?.splitSeed ?? artifacts.manifest.training?.seed ?? 1);
  const dataDirs = (stringOption(args, 'data') ?? '../shared/data/pki3,../shared/data/tseng').split(',');
  const { labs } = await loadLabs(dataDirs, resolve('.checkpoints/cache'));
  const scores = await realValidationScores(model, labs, seed);
  const chosen = realCaseThreshold(scores);
  const mean = (counts: number[]): string =>
    (counts.reduce((s, n) => s + n, 0) / Math.max(1, counts.length)).toFixed(2);
  for (const lab of scores)
    process.stdout.write(
      `${lab.lab}: ${lab.scores.length} validation cases; false flags per case ${mean(flagsPerCase(lab.scores, model.info.threshold))} at ${model.info.threshold.toFixed(3)}, ${mean(flagsPerCase(lab.scores, chosen))} at ${chosen.toFixed(3)}\n`,
    );
  process.stdout.write(
    `threshold for ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal case: ${chosen.toFixed(4)}\n`,
  );
  if (hasSwitch(args, 'write')) {
    await writeArtifactsToDirectory(modelDir, {
      ...artifacts,
      manifest: {
        ...artifacts.manifest,
        threshold: chosen,
        training: {
          ...artifacts.manifest.training,
          thresholdRule: `lowest with ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal validation case in every lab (${scores.map((s) => s.lab).join(', ')})`,
          singleBagThreshold: artifacts.manifest.threshold,
        },
      },
    });
    process.stderr.write(`${modelDir}: threshold ${chosen.toFixed(4)} written\n`);
  }
  model.dispose();
  return 0;
}

runCli(main);
