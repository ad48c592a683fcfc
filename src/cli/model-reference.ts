import { resolve } from 'node:path';
import { darknessQuantiles, REFERENCE_KEY } from '../model/train/input-reference';
import { readArtifactsFromDirectory, writeArtifactsToDirectory } from '../model/weights/node-files';
import { UsageError, parseArgs, runCli, stringOption } from './common/args';
import { loadCropDataset } from './common/crop-dataset';

/**
 * `npx tsx src/cli/model-reference.ts --model <dir> --data ../shared/data/pki3 [--out <dir>]`: stores the
 * pretraining darkness quantiles in a model trained before `npm run train` kept them, so that a lab's
 * fine-tuning can start from a matched input calibration. Only the manifest changes (its checksum covers
 * the weights, which stay as they are). The quantiles come from the cases the model was trained on: every
 * case of --data not listed in the manifest's `training.validationCases`.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { model: 'value', data: 'value', out: 'value' });
  const modelDir = stringOption(args, 'model');
  if (modelDir === undefined) throw new UsageError('--model <dir> is required');
  const artifacts = await readArtifactsFromDirectory(resolve(modelDir));
  const validationCases = artifacts.manifest.training?.validationCases;
  if (!Array.isArray(validationCases))
    throw new UsageError(`${modelDir}: the manifest does not list its validation cases`);
  const held = new Set(validationCases.filter((id): id is string => typeof id === 'string'));
  const data = resolve(stringOption(args, 'data') ?? '../shared/data/pki3');
  const { cases } = await loadCropDataset(data, resolve('.checkpoints/cache'));
  const training = cases.filter((c) => !held.has(c.id));
  const quantiles = darknessQuantiles(training);
  const out = resolve(stringOption(args, 'out') ?? modelDir);
  await writeArtifactsToDirectory(out, {
    ...artifacts,
    manifest: {
      ...artifacts.manifest,
      training: {
        ...artifacts.manifest.training,
        [REFERENCE_KEY]: quantiles,
      },
    },
  });
  process.stderr.write(
    `${artifacts.manifest.id}: darkness quantiles of ${training.length} training cases written to ${out}\n`,
  );
  return 0;
}

runCli(main);
