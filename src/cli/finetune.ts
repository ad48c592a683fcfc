import { readFile } from 'node:fs/promises';
import { FINE_TUNE_RECIPE } from '../model/train/finetune-recipe';
import type { CaseLabels } from '../model/train/lab-bags';
import { parseCaseLabels } from '../model/train/lab-bags';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import { UsageError, hasSwitch, integerOption, parseArgs, runCli, stringOption } from './common/args';
import { shippedModelDirectory } from './common/shipped-model';
import { fineTuneOnLab } from './training/fine-tune-lab';
import { renderFineTune } from './training/render-training';

const USAGE = `usage: npm run finetune -- --data <folder of cases> --labels <labels.json> --model <dir> --out <dir>
       [--split 0.2] [--steps N] [--lr 1e-4] [--seed N]
  --split is the share of cases used for fine-tuning; the rest are held back and scored before and after.`;

/** A number strictly between `min` and `max`, or `fallback` when not given. */
function numberOption(
  raw: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= min || value >= max)
    throw new UsageError(`--${name} must be in (${min}, ${max})`);
  return value;
}

/** Fine-tunes a model on a lab's cases; exit code 2 when some file could not be read. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    data: 'value',
    labels: 'value',
    model: 'value',
    out: 'value',
    split: 'value',
    steps: 'value',
    lr: 'value',
    seed: 'value',
  });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const out = stringOption(args, 'out');
  if (!data || !out) throw new UsageError(`--data and --out are required\n${USAGE}`);
  const split = numberOption(stringOption(args, 'split'), 'split', FINE_TUNE_RECIPE.tuningShare, 0, 1);
  const learningRate = numberOption(stringOption(args, 'lr'), 'lr', FINE_TUNE_RECIPE.learningRate, 0, 1);
  const seed = integerOption(args, 'seed', 1);
  const steps = integerOption(args, 'steps', FINE_TUNE_RECIPE.steps);
  const labelsPath = stringOption(args, 'labels');
  const labels: CaseLabels = labelsPath
    ? parseCaseLabels(JSON.parse(await readFile(labelsPath, 'utf8')) as unknown, labelsPath)
    : {};
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const result = await fineTuneOnLab({ data, labels, modelDir, split, learningRate, steps, seed });
  await writeArtifactsToDirectory(out, result.artifacts);
  process.stdout.write(renderFineTune(result, out));
  return result.errors > 0 ? 2 : 0;
}

runCli(main);
