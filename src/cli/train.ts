import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createModel, loadModel } from '../model/load-model';
import { DEFAULT_ARCHITECTURE, validateArchitecture } from '../model/architecture';
import type { HomNetModel } from '../model/homnet-model';
import { AdamW } from '../model/train/adamw';
import type { BagSamplerOptions, PairImageEditor, SampledBag } from '../model/train/bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from '../model/train/bag-sampler';
import type { DatasetCase } from '../model/train/dataset';
import type { ModelInput } from '../model/train/single-chromosome';
import type { TrainerState } from '../model/train/trainer';
import { enableTraining } from '../model/train/enable-training';
import { darknessQuantiles, REFERENCE_KEY } from '../model/train/input-reference';
import { scoreBags, train } from '../model/train/trainer';
import { f1AtThreshold, rocAuc, thresholdAtSpecificity } from '../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../model/eval/threshold-rule';
import { writeArtifactsToDirectory } from '../model/weights/node-files';
import { createRandom } from '../shared/random';
import { UsageError, integerOption, parseArgs, runCli, stringOption } from './common/args';
import { defaultVariantName } from './common/ablation-plan';
import { configDifferences, loadCheckpoint, saveCheckpoint } from './common/checkpoint';
import { loadLabs, readLabCrops, splitLabs } from './common/training-labs';
import {
  FALSE_FLAGS_PER_CASE,
  realCaseThreshold,
  realValidationScores,
} from './evaluation/real-case-threshold';
import { cropPairEditor } from '../model/train/crop-pair-editor';
import { createProgressBar, formatSeconds } from './common/progress';
import { MODELS_DIR } from './common/shipped-model';

const USAGE = `usage: npm run train -- --data <dir>[,<dir>…] --out <model dir> [--resume] [--steps N]
       [--batch N] [--seed N] [--split-seed N] [--eval-every N] [--patience N] [--validation-bags N] [--minutes N] [--ship]
       [--merge-range N] [--single-chromosome] [--variant <label>] [--image-changes PERCENT]
       [--pair-measures on|off] [--region-channels N]
  --data: crop bundles (<case>/<cell>/<type>_<homolog>.<ext>) or folders of annotated metaphases
    (<patient>/<cell>.jpg with <cell>.xml, turned into a crop bundle of their free chromosomes once, in
    .checkpoints/crops/<name>), one lab each; every lab is split by case with the same seed.
  --split-seed: seed of the case split into training and validation (default: --seed), so that runs
    with other seeds keep the same validation cases and can be compared on them.
  --ship also copies the result to public/models/<id>/ and makes it the app's and the CLI's default.
  --merge-range: samples per region (k_mg, default 32; must divide 512): the Table 4 merge-range ablation.
  --single-chromosome: the "w/o Pair" ablation, one homolog per cell fed as both (kept in the manifest).
  --variant: the model's row label in docs/evaluation.md (default: what differs from HomNet).
  --image-changes: share of artificial changes cut into the crop images and profiled again rather than
    made on the profiles (default 100; 0 reads no image and makes every change on the profiles).
  --pair-measures: Eq. 8 also reads the pair's whole-chromosome measures (our addition to the paper's
    network, MODEL_CARD.md); on by default, off trains the paper's network as models before it were.
  --region-channels: channels of a region representation (l_r, default 64; a multiple of the 4 heads):
    a wider network, to see whether the default one is limited by its size.`;

/** Everything that decides what a run computes; stored in checkpoints so a resume cannot change it. */
interface TrainConfig {
  /** The data folders, resolved, joined by commas (one folder: its path, as runs before labs were added). */
  data: string;
  seed: number;
  /** Seed of the case split, when not `seed` (left out otherwise, so older checkpoints still match). */
  splitSeed?: number;
  steps: number;
  batch: number;
  evalEvery: number;
  patience: number;
  validationBags: number;
  validationFraction: number;
  learningRate: number;
  warmupSteps: number;
  /** Samples per region of CMSBlock; the architecture of a resumed run comes from its checkpoint. */
  mergeRange: number;
  /** The architecture's `pairMeasures` (left out of the config when off, see below). */
  pairMeasures?: boolean;
  /** l_r, when not the default (left out otherwise, so older checkpoints still match). */
  regionChannels?: number;
  sampler: BagSamplerOptions;
}

function readConfig(argv: string[]): {
  config: TrainConfig;
  out: string;
  resume: boolean;
  ship: boolean;
  minutes: number | null;
  variant: string;
} {
  const args = parseArgs(argv, [
    'help',
    'resume',
    'data=',
    'out=',
    'steps=',
    'batch=',
    'seed=',
    'split-seed=',
    'eval-every=',
    'patience=',
    'validation-bags=',
    'minutes=',
    'ship',
    'merge-range=',
    'single-chromosome',
    'variant=',
    'image-changes=',
    'pair-measures=',
    'region-channels=',
  ]);
  if (args.options.has('help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const out = stringOption(args, 'out');
  if (!data || !out) throw new UsageError(`--data and --out are required\n${USAGE}`);
  const minutes = args.options.has('minutes') ? integerOption(args, 'minutes', 60) : null;
  const mergeRange = integerOption(args, 'merge-range', DEFAULT_ARCHITECTURE.mergeRange);
  const regionChannels = integerOption(args, 'region-channels', DEFAULT_ARCHITECTURE.regionChannels);
  try {
    validateArchitecture({ ...DEFAULT_ARCHITECTURE, mergeRange, regionChannels });
  } catch (error) {
    throw new UsageError(`--merge-range / --region-channels: ${(error as Error).message}`);
  }
  const singleChromosome = args.options.has('single-chromosome');
  const imageChanges = integerOption(args, 'image-changes', 100 * (DEFAULT_SAMPLER.imageChangeRate ?? 0));
  if (imageChanges < 0 || imageChanges > 100)
    throw new UsageError('--image-changes is a percentage, 0 to 100');
  const sampler: BagSamplerOptions = { ...DEFAULT_SAMPLER, imageChangeRate: imageChanges / 100 };
  const input: ModelInput = singleChromosome ? 'single-chromosome' : 'pair';
  const pairMeasures = switchOption(args, 'pair-measures', DEFAULT_ARCHITECTURE.pairMeasures);
  const seed = integerOption(args, 'seed', 1);
  const splitSeed = integerOption(args, 'split-seed', seed);
  return {
    out: resolve(out),
    resume: args.options.has('resume'),
    ship: args.options.has('ship'),
    minutes,
    variant: stringOption(args, 'variant') ?? defaultVariantName(mergeRange, input),
    config: {
      data: data
        .split(',')
        .map((d) => resolve(d))
        .join(','),
      seed,
      ...(splitSeed !== seed ? { splitSeed } : {}),
      steps: integerOption(args, 'steps', 6000),
      batch: integerOption(args, 'batch', 48),
      evalEvery: integerOption(args, 'eval-every', 250),
      patience: integerOption(args, 'patience', 10),
      validationBags: integerOption(args, 'validation-bags', 1200),
      validationFraction: 0.2,
      learningRate: 1e-3,
      warmupSteps: 200,
      mergeRange,
      // Only when on, so that a run of the paper's network keeps the config (and checkpoints) of older runs.
      ...(pairMeasures ? { pairMeasures } : {}),
      ...(regionChannels !== DEFAULT_ARCHITECTURE.regionChannels ? { regionChannels } : {}),
      // The key is left out of default runs so that their checkpoints match older ones on resume.
      sampler: singleChromosome ? { ...sampler, singleChromosome: true } : sampler,
    },
  };
}

/** An on|off option (default when absent). */
function switchOption(args: ReturnType<typeof parseArgs>, name: string, fallback: boolean): boolean {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (value !== 'on' && value !== 'off') throw new UsageError(`--${name} takes on or off, got "${value}"`);
  return value === 'on';
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
  editor: PairImageEditor | undefined,
): SampledBag[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => sampleBag(cases, random, sampler, editor));
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
  const { config, out, resume, ship, minutes, variant } = readConfig(process.argv.slice(2));
  await enableTraining();
  const checkpointDir = join(out, 'checkpoint');
  const started = Date.now();
  // The total is the number of cases, known once the dataset's folders are listed.
  const loadBar = createProgressBar('profiling cases', 0);
  const { labs, errors } = await loadLabs(
    config.data.split(','),
    resolve('.checkpoints/cache'),
    (lab, done, total) => {
      loadBar.update(done, lab, total);
    },
  );
  loadBar.end();
  for (const error of errors) process.stderr.write(`error: ${error}\n`);
  const cases = labs.flatMap((l) => l.cases);
  const { training, validation } = splitLabs(
    labs,
    config.validationFraction,
    config.splitSeed ?? config.seed,
  );
  for (const lab of labs) {
    const held = validation.filter((c) => lab.cases.includes(c)).length;
    process.stderr.write(
      `${lab.lab}: ${lab.cases.length} cases, ${lab.cases.length - held} for training, ${held} for validation (split by case)\n`,
    );
  }
  // Crop images for the image-level changes (about 5 s for pki3's 20,640 crops).
  const editor =
    (config.sampler.imageChangeRate ?? 0) > 0 ? cropPairEditor(await readLabCrops(labs, cases)) : undefined;
  const validationBags = sampleSet(
    validation,
    config.validationBags,
    config.seed + 7,
    config.sampler,
    editor,
  );

  const checkpoint = resume ? await loadCheckpoint(checkpointDir) : null;
  if (resume && !checkpoint) process.stderr.write('no checkpoint to resume from; starting afresh\n');
  if (checkpoint) {
    const changed = configDifferences(checkpoint.config, { ...config });
    const savedRange = checkpoint.current.manifest.architecture.mergeRange;
    if (savedRange !== config.mergeRange) changed.push('mergeRange');
    if (changed.length > 0)
      throw new UsageError(
        `${checkpointDir}: the checkpoint was made with other settings (${[...new Set(changed)].join(', ')}); ` +
          'resume with the same options or choose another --out',
      );
    process.stderr.write(`resuming ${checkpointDir} at step ${checkpoint.trainer.step} of ${config.steps}\n`);
  }
  // Wall-clock time of earlier sessions, so the manifest reports the whole run's budget.
  const earlierSeconds = checkpoint?.elapsedSeconds ?? 0;
  const elapsedSeconds = (): number => earlierSeconds + (Date.now() - started) / 1000;
  const model = checkpoint
    ? await loadModel({ weights: checkpoint.current, backend: 'wasm' })
    : await createModel({
        seed: config.seed,
        backend: 'wasm',
        architecture: {
          mergeRange: config.mergeRange,
          pairMeasures: config.pairMeasures ?? false,
          ...(config.regionChannels !== undefined ? { regionChannels: config.regionChannels } : {}),
        },
      });
  const optimizer = new AdamW({ learningRate: config.learningRate, weightDecay: 1e-4, clipNorm: 1 });
  if (checkpoint)
    optimizer.importState(
      checkpoint.optimizer,
      new Map(model.weights.list().map((w) => [w.spec.name, w.variable])),
    );
  const resumeFrom: TrainerState | undefined = checkpoint?.trainer;

  // Counted from where this session starts, so that the ETA of a resumed run is not skewed.
  const firstStep = resumeFrom?.step ?? 0;
  const bar = createProgressBar(`training from step ${firstStep}`, config.steps - firstStep);
  const deadline = minutes === null ? null : started + minutes * 60_000;
  const controller = new AbortController();
  const state = await train({
    model,
    optimizer,
    policy: 'pretrain',
    nextBatch: (step) => {
      if (deadline !== null && Date.now() > deadline) controller.abort();
      const random = createRandom(config.seed * 1_000_003 + step);
      return Array.from({ length: config.batch }, () => sampleBag(training, random, config.sampler, editor));
    },
    validation: validationBags,
    evaluateEvery: config.evalEvery,
    patience: config.patience,
    maxSteps: config.steps,
    learningRateAt: learningRateAt(config),
    signal: controller.signal,
    onProgress: (p) => {
      bar.update(p.step - firstStep, `loss ${p.loss.toFixed(4)} best AUC ${p.bestAuc.toFixed(4)}`);
    },
    onEvaluation: async (record, current) => {
      process.stderr.write(
        `\nstep ${record.step}: loss ${record.trainLoss.toFixed(4)} validation AUC ${record.auc.toFixed(4)} best F1 ${record.bestF1.toFixed(4)}\n`,
      );
      await saveCheckpoint(checkpointDir, model, optimizer, current, { ...config }, elapsedSeconds());
    },
    ...(resumeFrom ? { resumeFrom } : {}),
  });
  bar.end();
  const scored = await scoreBags(model, validationBags);
  // 95 % of normal validation bags below it: about one false flag per normal case of 23 types.
  const singleBagThreshold = thresholdAtSpecificity(scored, REVIEW_SPECIFICITY);
  // What a reviewer meets is a whole case: the threshold keeps every lab's real validation cases at
  // ≤ 0.3 false flags each (the same rule as `npm run choose-threshold`).
  process.stderr.write('scoring the validation patients as real cases\n');
  const realScores = await realValidationScores(
    model,
    labs,
    config.splitSeed ?? config.seed,
    config.validationFraction,
  );
  const threshold = realCaseThreshold(realScores);
  const figures = await summarise(model, validationBags, threshold);
  const artifacts = await model.exportArtifacts({
    threshold,
    createdAt: new Date().toISOString(),
    training: {
      data: `${labs.map((l) => l.lab).join(' and ')} G-banded chromosomes (research data, not redistributed), artificial abnormalities: ${Math.round(
        100 * (config.sampler.imageChangeRate ?? 0),
      )} % cut into crop images (the rest, if any, made on profiles)`,
      cases: { training: training.length, validation: validation.length },
      labs: Object.fromEntries(
        labs.map((l) => [
          l.lab,
          {
            training: training.filter((c) => l.cases.includes(c)).length,
            validation: validation.filter((c) => l.cases.includes(c)).length,
          },
        ]),
      ),
      validationCases: validation.map((c) => c.id),
      variant,
      input: config.sampler.singleChromosome ? 'single-chromosome' : 'pair',
      steps: state.step,
      maxSteps: config.steps,
      batch: config.batch,
      bestStep: state.bestStep,
      seed: config.seed,
      ...(config.splitSeed !== undefined ? { splitSeed: config.splitSeed } : {}),
      validation: figures,
      thresholdRule: `lowest with ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal validation case in every lab (${labs.map((l) => l.lab).join(', ')})`,
      singleBagThreshold,
      // What a lab's fine-tuning matches its own darkness to (see input-reference.ts).
      [REFERENCE_KEY]: darknessQuantiles(training),
      // Wall clock of all sessions (profiling and validation passes included).
      minutes: Math.round(elapsedSeconds() / 0.6) / 100,
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
