import { enableTraining } from '../model/train/enable-training';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import { runCli } from './common/args';
import { shipModel } from './common/shipped-model';
import { trainWithCheckpoints } from './training/checkpointed-training';
import { renderTrainingData, renderTrainingSummary } from './training/render-training';
import { loadTrainingData } from './training/training-data';
import { finishTraining } from './training/training-result';
import { readTrainOptions } from './training/train-options';

/**
 * `npm run train`: pretrains HomNet on crop bundles (usage in training/train-options.ts) and writes the
 * model to --out; progress and the figures go to stderr.
 */
async function main(): Promise<number> {
  const options = readTrainOptions(process.argv.slice(2));
  await enableTraining();
  const started = Date.now();
  const data = await loadTrainingData(options.config);
  process.stderr.write(renderTrainingData(data.errors, data.splits));
  const run = await trainWithCheckpoints(options, data, started);
  try {
    const { artifacts, figures } = await finishTraining(run, data, options);
    await writeArtifactsToDirectory(options.out, artifacts);
    if (options.ship) {
      await shipModel(artifacts);
      process.stderr.write(`shipped as public/models/${figures.modelId}/ (now the default)\n`);
    }
    process.stderr.write(renderTrainingSummary(figures, (Date.now() - started) / 1000));
  } finally {
    run.model.dispose();
    run.optimizer.dispose();
  }
  return 0;
}

runCli(main);
