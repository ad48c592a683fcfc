import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createModel, loadModel } from '../model';
import type { HomNetModel } from '../model';
import { AdamW } from '../model/train/adamw';
import type { BagSamplerOptions, SampledBag } from '../model/train/bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from '../model/train/bag-sampler';
import type { DatasetCase } from '../model/train/dataset';
import { splitByCase } from '../model/train/dataset';
import type { TrainerState } from '../model/train/trainer';
import { enableTraining } from '../model/train/enable-training';
import { scoreBags, train } from '../model/train/trainer';
import { f1AtThreshold, rocAuc, thresholdAtSpecificity } from '../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../model/eval/threshold-rule';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import { createRandom } from '../shared/random';
import { UsageError, integerOption, parseArgs, runCli, stringOption } from './args';
import { loadCheckpoint, saveCheckpoint } from './checkpoint';
import { loadCropDataset } from './crop-dataset';
import { createProgressBar, formatSeconds } from './progress';
import { MODELS_DIR } from './shipped-model';

const USAGE = `usage: npm run train -- --data <crop-bundle dir> --out <model dir> [--resume] [--steps N]
       [--batch N] [--seed N] [--eval-every N] [--patience N] [--validation-bags N] [--minutes N] [--ship]
  --ship also copies the result to public/models/<id>/ and makes it the app's and the CLI's default.`;

/** Everything that decides what a run computes; stored in checkpoints so a resume cannot change it. */
interface TrainConfig {
  data: string;
  seed: number;
  steps: number;
  batch: number;
  evalEvery: number;
  patience: number;
  validationBags: number;
  validationFraction: number;
  learningRate: number;
  warmupSteps: number;
  sampler: BagSamplerOptions;
}

function readConfig(argv: string[]): {
  config: TrainConfig;
  out: string;
  resume: boolean;
  ship: boolean;
  minutes: number | null;
} {
  const args = parseArgs(argv, [
    'help',
    'resume',
    'data=',
    'out=',
    'steps=',
    'batch=',
    'seed=',
    'eval-every=',
    'patience=',
    'validation-bags=',
    'minutes=',
    'ship',
  ]);
  if (args.options.has('help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const out = stringOption(args, 'out');
  if (!data || !out) throw new UsageError(`--data and --out are required\n${USAGE}`);
  const minutes = args.options.has('minutes') ? integerOption(args, 'minutes', 60) : null;
  return {
    out: resolve(out),
    resume: args.options.has('resume'),
    ship: args.options.has('ship'),
    minutes,
    config: {
      data: resolve(data),
      seed: integerOption(args, 'seed', 1),
      steps: integerOption(args, 'steps', 6000),
      batch: integerOption(args, 'batch', 48),
      evalEvery: integerOption(args, 'eval-every', 250),
      patience: integerOption(args, 'patience', 10),
      validationBags: integerOption(args, 'validation-bags', 1200),
      validationFraction: 0.2,
      learningRate: 1e-3,
      warmupSteps: 200,
      sampler: DEFAULT_SAMPLER,
    },
  };
}

/** Linear warm-up, then cosine decay to 5 % of the peak rate. */
function learningRateAt(config: TrainConfig): (step: number) => number {
  return (step) => {
    if (step < config.warmupSteps) return (config.learningRate * (step + 1)) / config.warmupSteps;
    const progress = Math.min(
      1,
      (step - config.warmupSteps) / Math.max(1, config.steps - config.warmupSteps),
    );
    return config.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
  };
}

function sampleSet(
  cases: readonly DatasetCase[],
  count: number,
  seed: number,
  sampler: BagSamplerOptions,
): SampledBag[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => sampleBag(cases, random, sampler));
}

async function summarise(
  model: HomNetModel,
  bags: readonly SampledBag[],
  threshold: number,
): Promise<Record<string, number>> {
  const scored = await scoreBags(model, bags);
  const subset = (size: 'standard' | 'subtle'): typeof scored =>
    scored.filter((_, i) => bags[i]?.label === 0 || bags[i]?.size === size);
  return {
    auc: rocAuc(scored),
    f1: f1AtThreshold(scored, threshold).f1,
    standardAuc: rocAuc(subset('standard')),
    subtleAuc: rocAuc(subset('subtle')),
    subtleF1: f1AtThreshold(subset('subtle'), threshold).f1,
  };
}

async function main(): Promise<number> {
  const { config, out, resume, ship, minutes } = readConfig(process.argv.slice(2));
  await enableTraining();
  const checkpointDir = join(out, 'checkpoint');
  const started = Date.now();
  const loadBar = createProgressBar('profiling', 1);
  const { cases, errors } = await loadCropDataset(
    config.data,
    resolve('.checkpoints/cache'),
    (done, total) => {
      loadBar.update(done, `of ${total} cases`);
    },
  );
  loadBar.end();
  for (const error of errors) process.stderr.write(`error: ${error}\n`);
  const { training, validation } = splitByCase(cases, config.validationFraction, createRandom(config.seed));
  process.stderr.write(
    `${cases.length} cases: ${training.length} for training, ${validation.length} for validation (split by case)\n`,
  );
  const validationBags = sampleSet(validation, config.validationBags, config.seed + 7, config.sampler);

  const checkpoint = resume ? await loadCheckpoint(checkpointDir) : null;
  if (resume && !checkpoint) process.stderr.write('no checkpoint to resume from; starting afresh\n');
  const model = checkpoint
    ? await loadModel({ weights: checkpoint.current, backend: 'wasm' })
    : await createModel({ seed: config.seed, backend: 'wasm' });
  const optimizer = new AdamW({ learningRate: config.learningRate, weightDecay: 1e-4, clipNorm: 1 });
  if (checkpoint)
    optimizer.importState(
      checkpoint.optimizer,
      new Map(model.weights.list().map((w) => [w.spec.name, w.variable])),
    );
  const resumeFrom: TrainerState | undefined = checkpoint?.trainer;

  const bar = createProgressBar('training', config.steps);
  const deadline = minutes === null ? null : started + minutes * 60_000;
  const controller = new AbortController();
  const state = await train({
    model,
    optimizer,
    policy: 'none',
    nextBatch: (step) => {
      if (deadline !== null && Date.now() > deadline) controller.abort();
      const random = createRandom(config.seed * 1_000_003 + step);
      return Array.from({ length: config.batch }, () => sampleBag(training, random, config.sampler));
    },
    validation: validationBags,
    evaluateEvery: config.evalEvery,
    patience: config.patience,
    maxSteps: config.steps,
    learningRateAt: learningRateAt(config),
    signal: controller.signal,
    onProgress: (p) => {
      bar.update(p.step, `loss ${p.loss.toFixed(4)} best AUC ${p.bestAuc.toFixed(4)}`);
    },
    onEvaluation: async (record, current) => {
      process.stderr.write(
        `\nstep ${record.step}: loss ${record.trainLoss.toFixed(4)} validation AUC ${record.auc.toFixed(4)} best F1 ${record.bestF1.toFixed(4)}\n`,
      );
      await saveCheckpoint(checkpointDir, model, optimizer, current, { ...config });
    },
    ...(resumeFrom ? { resumeFrom } : {}),
  });
  bar.end();
  const scored = await scoreBags(model, validationBags);
  // 95 % of normal validation bags below the threshold: about one false flag per normal case of 23 types.
  const threshold = thresholdAtSpecificity(scored, REVIEW_SPECIFICITY);
  const figures = await summarise(model, validationBags, threshold);
  const artifacts = await model.exportArtifacts({
    threshold,
    createdAt: new Date().toISOString(),
    training: {
      data: 'pki3 G-band crops (research data, not redistributed), profile-level artificial abnormalities',
      cases: { training: training.length, validation: validation.length },
      validationCases: validation.map((c) => c.id),
      steps: state.step,
      bestStep: state.bestStep,
      seed: config.seed,
      validation: figures,
      minutes: Math.round((Date.now() - started) / 600) / 100,
    },
  });
  const id = `homnet-${artifacts.manifest.sha256.slice(0, 12)}`;
  const finalArtifacts = { ...artifacts, manifest: { ...artifacts.manifest, id } };
  await writeArtifactsToDirectory(out, finalArtifacts);
  if (ship) {
    await writeArtifactsToDirectory(join(MODELS_DIR, id), finalArtifacts);
    await writeFile(join(MODELS_DIR, 'index.json'), `${JSON.stringify({ default: id }, null, 2)}\n`);
    process.stderr.write(`shipped as public/models/${id}/ (now the default)\n`);
  }
  process.stderr.write(
    `done in ${formatSeconds((Date.now() - started) / 1000)}: model ${id}, best step ${state.bestStep}, ` +
      `validation AUC ${figures.auc?.toFixed(4)} (standard ${figures.standardAuc?.toFixed(4)}, subtle ${figures.subtleAuc?.toFixed(4)}), ` +
      `threshold ${threshold.toFixed(3)}\n`,
  );
  model.dispose();
  optimizer.dispose();
  return 0;
}

runCli(main);
