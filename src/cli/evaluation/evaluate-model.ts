import { relative, resolve } from 'node:path';
import type { HomNetModel } from '../../model/homnet-model';
import { loadModel } from '../../model/load-model';
import type { CaseCrops } from '../../model/train/crop-cells';
import type { SampledBag } from '../../model/train/bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from '../../model/train/bag-sampler';
import type { DatasetCase } from '../../model/train/dataset';
import { splitByCase } from '../../model/train/dataset';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import { createRandom } from '../../shared/random';
import { UsageError } from '../common/args';
import type { LabCases } from '../common/training-labs';
import { loadLabs, readLabCrops, splitLabs } from '../common/training-labs';
import type { AblationModel, NotRun } from './ablations';
import { loadAblations } from './ablations';
import { budgetRows, changesOf } from './budgets';
import type { LabReport } from './by-lab';
import { labReport } from './by-lab';
import { cellCountFigures, pooledSets } from './cell-counts';
import type { EvaluationFigures } from './evaluation-figures';
import type { ChangeSize } from './image-level-sets';
import { imageLevelBag } from './image-level-sets';
import { surveyKaryograms } from './karyogram-survey';
import { fitBaseline, homnetScores, scoreSets } from './method-scores';
import { flaggedTypesPerCase, summariseFalseFlags } from './real-case-flags';
import { realValidationScores } from './real-case-threshold';
import { lengthGroupFigures } from './report';
import { SHARED_KARYOTYPES } from './shared-karyotypes';

/** What `npm run evaluate` evaluates, and where it reports progress. */
export interface EvaluationOptions {
  /** The labs' folders, as `train` takes them; the first (a crop bundle) is the one most sections use. */
  readonly dataDirs: readonly string[];
  readonly modelDir: string;
  /** Bags per evaluation set, half of them abnormal. */
  readonly bagsPerSet: number;
  /** Bags per cell count in "What more cells buy". */
  readonly pooledBags: number;
  /** Seed of the case split; undefined: the seed the model was trained with. */
  readonly seed: number | undefined;
  /** Ablation models' folders (Table 4 rows). */
  readonly ablationDirs: readonly string[];
  /** A folder of karyograms of other labs to survey (`npm run -s karyograms`), or null. */
  readonly karyogramDir: string | null;
  /** Receives progress lines, each ending in a newline. */
  readonly progress: (line: string) => void;
}

/**
 * Scores the model (and any ablation models) on sets built from the validation cases of the split it
 * was trained with, and on every lab's real validation cases: the figures of docs/evaluation.md.
 * @throws UsageError when --data names no folder.
 */
export async function evaluateModel(options: EvaluationOptions): Promise<EvaluationFigures> {
  const weights = await readArtifactsFromDirectory(options.modelDir);
  const model = await loadModel({ weights, backend: 'wasm' });
  const seed = options.seed ?? Number(model.info.training?.seed ?? 1);
  const ablations = await loadAblations(options.ablationDirs, seed);
  try {
    return await evaluateLoaded(model, ablations.models, ablations.notRun, seed, options);
  } finally {
    model.dispose();
    for (const a of ablations.models) a.model.dispose();
  }
}

async function evaluateLoaded(
  model: HomNetModel,
  ablations: readonly AblationModel[],
  notRun: readonly NotRun[],
  seed: number,
  { dataDirs, bagsPerSet, pooledBags, progress, karyogramDir }: EvaluationOptions,
): Promise<EvaluationFigures> {
  const threshold = model.info.threshold;
  for (const n of notRun) progress(`not run: ${n.label}: ${n.reason}\n`);
  const { labs } = await loadLabs(dataDirs, resolve('.checkpoints/cache'));
  const [home] = labs;
  if (home === undefined) throw new UsageError('--data names no folder');
  const { training, validation } = splitByCase(home.cases, 0.2, createRandom(seed));
  progress(`evaluating on ${validation.length} validation cases (split by case, seed ${seed})\n`);
  const crops = await readLabCrops([home], validation);
  const sets = evaluationSets(validation, crops, bagsPerSet, progress);
  const scored = await scoreSets(model, fitBaseline(training, seed), ablations, sets, threshold);
  // Bags of more cells than pki3's cases hold, each cell from another validation case; own draws again.
  const pooled = pooledSets(validation, crops, createRandom(20240827), pooledBags);
  const pooledScores = [];
  for (const set of pooled) pooledScores.push(await homnetScores(model, set.bags));
  progress('scored the pooled sets\n');
  // The validation cases themselves are real and normal: what the threshold costs a reviewer per case.
  const falseFlags = summariseFalseFlags(await flaggedTypesPerCase(model, crops));
  progress(`false flags on ${falseFlags.cases} real cases: ${falseFlags.flags}\n`);
  const labReports = await byLab(model, labs, crops, seed, bagsPerSet, progress);
  const karyograms =
    karyogramDir === null
      ? null
      : {
          folder: relative(process.cwd(), karyogramDir),
          rows: await surveyKaryograms(
            model,
            resolve(karyogramDir),
            (file) => SHARED_KARYOTYPES[file] ?? null,
          ),
        };
  if (karyograms !== null) progress(`surveyed ${karyograms.rows.length} karyograms of other labs\n`);
  const thresholdRule = model.info.training?.thresholdRule;
  return {
    modelId: model.id,
    threshold,
    thresholdRule:
      typeof thresholdRule === 'string' ? thresholdRule : '95 % specificity on single validation bags',
    seed,
    bagsPerSet,
    dataDir: relative(process.cwd(), home.sourceDir),
    validationCases: validation.length,
    shippedChanges: changesOf(model.info.training),
    sets: [...sets.keys()],
    methods: scored.methods,
    recall: scored.recall,
    falseFlags,
    labs: labReports,
    rocs: scored.rocs,
    lengthGroups: lengthGroupFigures(scored.imageSets),
    cellCounts: cellCountFigures(pooled, pooledScores, scored.imageSets, threshold),
    budgets: budgetRows(model, ablations),
    notRun,
    karyograms,
  };
}

/**
 * The evaluation sets, in report order: image-level changes cut along the crops' rows, the training
 * sampler's profile-level changes, then changes cut along slanted lines; standard and subtle each.
 */
function evaluationSets(
  validation: readonly DatasetCase[],
  crops: CaseCrops,
  perSet: number,
  progress: (line: string) => void,
): Map<string, SampledBag[]> {
  const random = createRandom(20240825);
  const sets = new Map<string, SampledBag[]>();
  for (const size of ['standard', 'subtle'] as ChangeSize[]) {
    const bags: SampledBag[] = [];
    for (let i = 0; i < perSet; i++) bags.push(imageLevelBag(validation, crops, random, i % 2 === 1, size));
    sets.set(`image ${size}`, bags);
    const sampler = { ...DEFAULT_SAMPLER, differentTypeRate: 0, subtleRate: size === 'subtle' ? 1 : 0 };
    sets.set(
      `profile ${size}`,
      Array.from({ length: perSet }, () => sampleBag(validation, random, sampler)),
    );
    progress(`built the ${size} sets\n`);
  }
  // Its own draws, so that the sets above stay the ones earlier evaluations used.
  const obliqueRandom = createRandom(20240826);
  for (const size of ['standard', 'subtle'] as ChangeSize[]) {
    sets.set(
      `oblique ${size}`,
      Array.from({ length: perSet }, (_, i) =>
        imageLevelBag(validation, crops, obliqueRandom, i % 2 === 1, size, 'oblique'),
      ),
    );
  }
  progress('built the oblique sets\n');
  return sets;
}

/** Every lab's own patients: bags of their own 1, 2, 3 and all cells, and their real cases' false flags. */
async function byLab(
  model: HomNetModel,
  labs: readonly LabCases[],
  firstLabCrops: CaseCrops,
  seed: number,
  bagsPerSet: number,
  progress: (line: string) => void,
): Promise<LabReport[]> {
  const realScores = await realValidationScores(model, labs, seed);
  const reports: LabReport[] = [];
  for (const [i, lab] of labs.entries()) {
    const { validation: held } = splitLabs([lab], 0.2, seed);
    const crops = i === 0 ? firstLabCrops : await readLabCrops([lab], held);
    reports.push(
      await labReport(
        lab.lab,
        held,
        crops,
        realScores[i]?.scores ?? [],
        (bags) => homnetScores(model, bags),
        model.info.threshold,
        bagsPerSet,
      ),
    );
    progress(`evaluated ${lab.lab} by cells\n`);
  }
  return reports;
}
