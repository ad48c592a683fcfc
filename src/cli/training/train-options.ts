import { resolve } from 'node:path';
import { DEFAULT_ARCHITECTURE, validateArchitecture } from '../../model/architecture';
import type { BagSamplerOptions } from '../../model/train/bag-sampler';
import { DEFAULT_SAMPLER } from '../../model/train/bag-sampler';
import type { ModelInput } from '../../model/train/single-chromosome';
import { defaultVariantName } from '../common/ablation-plan';
import type { ParsedArgs } from '../common/args';
import { UsageError, hasSwitch, integerOption, parseArgs, stringOption } from '../common/args';

export const TRAIN_USAGE = `usage: npm run train -- --data <dir>[,<dir>…] --out <model dir> [--resume] [--steps N]
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
export interface TrainConfig {
  /** The data folders, resolved, joined by commas (one folder: its path, as runs before labs were added). */
  data: string;
  seed: number;
  /** Seed of the case split, when not `seed` (left out otherwise, so older checkpoints still match). */
  splitSeed?: number;
  /** Steps at most (one batch each). */
  steps: number;
  /** Bags per step. */
  batch: number;
  /** Steps between validation passes (each one saves a checkpoint). */
  evalEvery: number;
  /** Validation passes without a better AUC before training stops. */
  patience: number;
  validationBags: number;
  /** Share of each lab's cases held out for validation. */
  validationFraction: number;
  /** Peak learning rate of AdamW. */
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

/** A `npm run train` command line: the config and what to do with the result. */
export interface TrainOptions {
  readonly config: TrainConfig;
  /** The model folder, resolved. */
  readonly out: string;
  readonly resume: boolean;
  /** Also copy the model to public/models/ and make it the default. */
  readonly ship: boolean;
  /** Wall-clock budget of this session in minutes (training stops at it), or null. */
  readonly minutes: number | null;
  /** The model's row label in docs/evaluation.md. */
  readonly variant: string;
}

const SPEC = {
  help: 'switch',
  resume: 'switch',
  data: 'value',
  out: 'value',
  steps: 'value',
  batch: 'value',
  seed: 'value',
  'split-seed': 'value',
  'eval-every': 'value',
  patience: 'value',
  'validation-bags': 'value',
  minutes: 'value',
  ship: 'switch',
  'merge-range': 'value',
  'single-chromosome': 'switch',
  variant: 'value',
  'image-changes': 'value',
  'pair-measures': 'value',
  'region-channels': 'value',
} as const;

/** Reads the command line (without node and script). @throws UsageError, with the usage for --help. */
export function readTrainOptions(argv: readonly string[]): TrainOptions {
  const args = parseArgs(argv, SPEC);
  if (hasSwitch(args, 'help')) throw new UsageError(TRAIN_USAGE);
  const data = stringOption(args, 'data');
  const out = stringOption(args, 'out');
  if (!data || !out) throw new UsageError(`--data and --out are required\n${TRAIN_USAGE}`);
  const minutes = stringOption(args, 'minutes') !== undefined ? integerOption(args, 'minutes', 60) : null;
  const mergeRange = integerOption(args, 'merge-range', DEFAULT_ARCHITECTURE.mergeRange);
  const regionChannels = integerOption(args, 'region-channels', DEFAULT_ARCHITECTURE.regionChannels);
  try {
    validateArchitecture({ ...DEFAULT_ARCHITECTURE, mergeRange, regionChannels });
  } catch (error) {
    throw new UsageError(`--merge-range / --region-channels: ${(error as Error).message}`);
  }
  const singleChromosome = hasSwitch(args, 'single-chromosome');
  const imageChanges = integerOption(args, 'image-changes', 100 * (DEFAULT_SAMPLER.imageChangeRate ?? 0));
  if (imageChanges < 0 || imageChanges > 100)
    throw new UsageError('--image-changes is a percentage, 0 to 100');
  const sampler: BagSamplerOptions = { ...DEFAULT_SAMPLER, imageChangeRate: imageChanges / 100 };
  const input: ModelInput = singleChromosome ? 'single-chromosome' : 'pair';
  const pairMeasures = onOffOption(args, 'pair-measures', DEFAULT_ARCHITECTURE.pairMeasures);
  const seed = integerOption(args, 'seed', 1);
  const splitSeed = integerOption(args, 'split-seed', seed);
  return {
    out: resolve(out),
    resume: hasSwitch(args, 'resume'),
    ship: hasSwitch(args, 'ship'),
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
function onOffOption(args: ParsedArgs<typeof SPEC>, name: 'pair-measures', fallback: boolean): boolean {
  const value = stringOption(args, name);
  if (value === undefined) return fallback;
  if (value !== 'on' && value !== 'off') throw new UsageError(`--${name} takes on or off, got "${value}"`);
  return value === 'on';
}
