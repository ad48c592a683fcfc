import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadModel } from '../model/load-model';
import { AdamW } from '../model/train/adamw';
import { DEFAULT_SAMPLER } from '../model/train/bag-sampler';
import { splitByCase } from '../model/train/dataset';
import { enableTraining } from '../model/train/enable-training';
import { thresholdAtSpecificity } from '../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../model/eval/threshold-rule';
import { fineTune } from '../model/train/finetune';
import { referenceEntry } from '../model/train/input-reference';
import { scoreBags } from '../model/train/trainer';
import { FINE_TUNE_RECIPE } from '../model/train/finetune-recipe';
import type { CaseLabels } from '../model/train/lab-bags';
import { labBags, parseCaseLabels } from '../model/train/lab-bags';
import { readArtifactsFromDirectory, writeArtifactsToDirectory } from '../model/weights/node-files';
import { createRandom } from '../shared/random';
import { UsageError, integerOption, parseArgs, runCli, stringOption } from './common/args';
import { loadCasesThroughPipeline } from './common/case-dataset';
import { formatFigures, labFigures } from './evaluation/lab-figures';
import { createProgressBar } from './common/progress';
import { shippedModelDirectory } from './common/shipped-model';

const USAGE = `usage: npm run finetune -- --data <folder of cases> --labels <labels.json> --model <dir> --out <dir>
       [--split 0.2] [--steps N] [--lr 1e-4] [--seed N]
  --split is the share of cases used for fine-tuning; the rest are held back and scored before and after.`;

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

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), [
    'help',
    'data=',
    'labels=',
    'model=',
    'out=',
    'split=',
    'steps=',
    'lr=',
    'seed=',
  ]);
  if (args.options.has('help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const out = stringOption(args, 'out');
  if (!data || !out) throw new UsageError(`--data and --out are required\n${USAGE}`);
  const split = numberOption(stringOption(args, 'split'), 'split', FINE_TUNE_RECIPE.tuningShare, 0, 1);
  const learningRate = numberOption(stringOption(args, 'lr'), 'lr', FINE_TUNE_RECIPE.learningRate, 0, 1);
  const seed = integerOption(args, 'seed', 1);
  const labelsPath = stringOption(args, 'labels');
  const labels: CaseLabels = labelsPath
    ? parseCaseLabels(JSON.parse(await readFile(labelsPath, 'utf8')) as unknown, labelsPath)
    : {};
  await enableTraining();
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const model = await loadModel({ weights: await readArtifactsFromDirectory(modelDir), backend: 'wasm' });

  const bar = createProgressBar('reading cases', 1);
  const { cases, errors } = await loadCasesThroughPipeline(resolve(data), (done, total) => {
    bar.update(done, `of ${total}`);
  });
  bar.end();
  for (const e of errors) process.stderr.write(`error: ${e.file}: ${e.message}\n`);
  // splitByCase holds out its fraction; here the held-out part is the one fine-tuned on.
  const { validation: tuning, training: heldBack } = splitByCase(cases, split, createRandom(seed));
  if (tuning.length === 0 || heldBack.length === 0)
    throw new UsageError(`--split ${split} leaves no case on one side`);
  process.stderr.write(
    `${cases.length} cases: ${tuning.length} to fine-tune on, ${heldBack.length} held back\n`,
  );
  const evaluation = labBags(
    heldBack,
    labels,
    FINE_TUNE_RECIPE.evaluationBags,
    createRandom(seed + 1),
    DEFAULT_SAMPLER,
  );
  const earlyStopping = labBags(
    tuning,
    labels,
    FINE_TUNE_RECIPE.earlyStoppingBags,
    createRandom(seed + 2),
    DEFAULT_SAMPLER,
  );

  const before = await labFigures(model, evaluation);
  const optimizer = new AdamW({ learningRate, weightDecay: 0 });
  const steps = integerOption(args, 'steps', FINE_TUNE_RECIPE.steps);
  const progress = createProgressBar('fine-tuning', steps);
  const state = await fineTune({
    model,
    optimizer,
    training: tuning,
    labels,
    validation: earlyStopping,
    steps,
    seed,
    onProgress: (p) => {
      progress.update(p.step, `loss ${p.loss.toFixed(4)}`);
    },
  });
  progress.end();
  // The app's rule: 95 % of the lab's normal early-stopping bags below the threshold.
  const threshold = thresholdAtSpecificity(await scoreBags(model, earlyStopping), REVIEW_SPECIFICITY);
  const tuned = await model.exportArtifacts({ threshold, parentId: model.id });
  const after = await labFigures(model, evaluation, threshold);
  const id = `homnet-${tuned.manifest.sha256.slice(0, 12)}`;
  await writeArtifactsToDirectory(out, {
    ...tuned,
    manifest: {
      ...tuned.manifest,
      id,
      parentId: model.id,
      training: {
        fineTunedFrom: model.id,
        cases: { tuning: tuning.length, heldBack: heldBack.length },
        steps: state.step,
        bestStep: state.bestStep,
        learningRate,
        ...referenceEntry(model.info.training),
      },
    },
  });
  process.stdout.write(
    `${formatFigures(`before (${model.id})`, before)}\n${formatFigures(`after  (${id})`, after)}\nnew threshold ${threshold.toFixed(3)}; model written to ${out}\n`,
  );
  model.dispose();
  optimizer.dispose();
  return errors.length > 0 ? 2 : 0;
}

runCli(main);
