import { resolve } from 'node:path';
import type { BagSamplerOptions, PairImageEditor, SampledBag } from '../../model/train/bag-sampler';
import { sampleBag } from '../../model/train/bag-sampler';
import { cropPairEditor } from '../../model/train/crop-pair-editor';
import type { DatasetCase } from '../../model/train/dataset';
import { createRandom } from '../../shared/random';
import { createProgressBar } from '../common/progress';
import type { LabCases } from '../common/training-labs';
import { loadLabs, readLabCrops, splitLabs } from '../common/training-labs';
import type { TrainConfig } from './train-options';

/** How one lab's cases were split. */
export interface LabSplit {
  readonly lab: string;
  readonly cases: number;
  /** Cases held out for validation (the rest are trained on). */
  readonly validation: number;
}

/** The cases a run trains and validates on, and its fixed validation bags. */
export interface TrainingData {
  readonly labs: readonly LabCases[];
  /** Files or folders that could not be read, one message each (the rest is used). */
  readonly errors: readonly string[];
  readonly splits: readonly LabSplit[];
  readonly training: readonly DatasetCase[];
  readonly validation: readonly DatasetCase[];
  /** Cuts changes into crop images; undefined when every change is made on the profiles. */
  readonly editor: PairImageEditor | undefined;
  readonly validationBags: readonly SampledBag[];
}

/** `count` bags drawn from `cases` with their own seed. */
export function sampleSet(
  cases: readonly DatasetCase[],
  count: number,
  seed: number,
  sampler: BagSamplerOptions,
  editor: PairImageEditor | undefined,
): SampledBag[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => sampleBag(cases, random, sampler, editor));
}

/** The cases of a run without its validation bags: what a process drawing training batches needs. */
export type TrainingCases = Omit<TrainingData, 'validationBags'>;

/**
 * Profiles every lab's cases (cached in .checkpoints/cache; a progress bar on stderr unless `quiet`) and
 * splits each lab by case with the run's split seed.
 */
export async function loadTrainingCases(config: TrainConfig, quiet = false): Promise<TrainingCases> {
  // The total is the number of cases, known once the dataset's folders are listed.
  const loadBar = quiet ? null : createProgressBar('profiling cases', 0);
  const { labs, errors } = await loadLabs(
    config.data.split(','),
    resolve('.checkpoints/cache'),
    (lab, done, total) => {
      loadBar?.update(done, lab, total);
    },
  );
  loadBar?.end();
  const cases = labs.flatMap((l) => l.cases);
  const { training, validation } = splitLabs(
    labs,
    config.validationFraction,
    config.splitSeed ?? config.seed,
  );
  // Crop images for the image-level changes (about 5 s for pki3's 20,640 crops).
  const editor =
    (config.sampler.imageChangeRate ?? 0) > 0 ? cropPairEditor(await readLabCrops(labs, cases)) : undefined;
  return {
    labs,
    errors,
    splits: labs.map((lab) => ({
      lab: lab.lab,
      cases: lab.cases.length,
      validation: validation.filter((c) => lab.cases.includes(c)).length,
    })),
    training,
    validation,
    editor,
  };
}

/** The run's cases (loadTrainingCases) and the validation bags every evaluation scores. */
export async function loadTrainingData(config: TrainConfig): Promise<TrainingData> {
  const cases = await loadTrainingCases(config);
  return {
    ...cases,
    validationBags: sampleSet(
      cases.validation,
      config.validationBags,
      config.seed + 7,
      config.sampler,
      cases.editor,
    ),
  };
}

/**
 * The training batch of `step`: seeded by the run's seed and the step alone, so that a resumed run, or
 * another process holding the same cases, draws exactly the batch an uninterrupted run would.
 */
export function drawTrainingBatch(
  config: TrainConfig,
  { training, editor }: Pick<TrainingCases, 'training' | 'editor'>,
  step: number,
): SampledBag[] {
  const random = createRandom(config.seed * 1_000_003 + step);
  return Array.from({ length: config.batch }, () => sampleBag(training, random, config.sampler, editor));
}
