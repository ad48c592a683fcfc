import { calibrateScores, measureCaseCalibration } from '../../pipeline/verdict/case-calibration';
import type { HomNetModel } from '../../model/homnet-model';
import { f1AtThreshold, rocAuc, thresholdAtSpecificity } from '../../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../../model/eval/threshold-rule';
import type { SampledBag } from '../../model/train/bag-sampler';
import { darknessQuantiles, REFERENCE_KEY } from '../../model/train/input-reference';
import { scoreBags } from '../../model/train/trainer';
import type { ModelArtifacts } from '../../model/weights/manifest';
import {
  FALSE_FLAGS_PER_CASE,
  realCaseThreshold,
  realValidationScores,
} from '../evaluation/real-case-threshold';
import type { TrainingRun } from './checkpointed-training';
import type { TrainingData } from './training-data';
import type { TrainOptions } from './train-options';

/** The final model on the validation bags; AUC and F1 in [0, 1], F1 at the shipped threshold. */
export interface ValidationFigures {
  readonly auc: number;
  readonly f1: number;
  /** Normal bags and the standard-size changes. */
  readonly standardAuc: number;
  /** Normal bags and the subtle changes. */
  readonly subtleAuc: number;
  readonly subtleF1: number;
}

/** What a training run reports when it is done. */
export interface TrainingFigures {
  /** `homnet-` and the first 12 hex digits of the weights' SHA-256. */
  readonly modelId: string;
  readonly bestStep: number;
  /** The shipped threshold, a probability. */
  readonly threshold: number;
  readonly validation: ValidationFigures;
}

async function validationFigures(
  model: HomNetModel,
  bags: readonly SampledBag[],
  threshold: number,
): Promise<ValidationFigures> {
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

/**
 * Chooses the trained model's threshold, scores it on the validation bags and packs it with its manifest
 * (how it was trained, on what, and the figures), named by its checksum.
 */
export async function finishTraining(
  { model, state, elapsedSeconds }: TrainingRun,
  { labs, training, validation, validationBags }: TrainingData,
  { config, variant }: TrainOptions,
): Promise<{ artifacts: ModelArtifacts; figures: TrainingFigures }> {
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
  // Scores are calibrated to their case (pipeline/verdict/case-calibration), measured on the same
  // patients, and the threshold is chosen on the calibrated scores, as the app and the CLI score a case.
  const caseCalibration = measureCaseCalibration(realScores.flatMap((lab) => lab.scores));
  const threshold = realCaseThreshold(
    realScores.map((lab) => ({
      lab: lab.lab,
      scores: lab.scores.map((types) => calibrateScores(types, caseCalibration)),
    })),
  );
  const figures = await validationFigures(model, validationBags, threshold);
  const labNames = labs.map((l) => l.lab);
  const artifacts = await model.exportArtifacts({
    threshold,
    ...(caseCalibration !== null ? { caseCalibration } : {}),
    createdAt: new Date().toISOString(),
    training: {
      data: `${labNames.join(' and ')} G-banded chromosomes (research data, not redistributed), artificial abnormalities: ${Math.round(
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
      thresholdRule: `lowest with ≤ ${FALSE_FLAGS_PER_CASE} false flags per real normal validation case in every lab (${labNames.join(', ')})${caseCalibration !== null ? ', scores calibrated to their case' : ''}`,
      singleBagThreshold,
      // What a lab's fine-tuning matches its own darkness to (see input-reference.ts).
      [REFERENCE_KEY]: darknessQuantiles(training),
      // Wall clock of all sessions (profiling and validation passes included).
      minutes: Math.round(elapsedSeconds() / 0.6) / 100,
    },
  });
  const modelId = `homnet-${artifacts.manifest.sha256.slice(0, 12)}`;
  return {
    artifacts: { ...artifacts, manifest: { ...artifacts.manifest, id: modelId } },
    figures: { modelId, bestStep: state.bestStep, threshold, validation: figures },
  };
}
