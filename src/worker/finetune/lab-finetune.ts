import type { HomNetModel } from '../../model/homnet-model';
import type { ModelArtifacts } from '../../model/weights/manifest';
import { loadModel } from '../../model/load-model';
import { thresholdAtSpecificity } from '../../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../../model/eval/threshold-rule';
import type { ValidationFigures } from '../../model/eval/validation-figures';
import { validationFigures } from '../../model/eval/validation-figures';
import { AdamW } from '../../model/train/adamw';
import { DEFAULT_SAMPLER } from '../../model/train/bag-sampler';
import type { DatasetCase } from '../../model/train/dataset';
import { pairOf, splitByCase } from '../../model/train/dataset';
import { enableTraining } from '../../model/train/enable-training';
import { referenceEntry } from '../../model/train/input-reference';
import { fineTune } from '../../model/train/finetune';
import { FINE_TUNE_RECIPE } from '../../model/train/finetune-recipe';
import type { CaseLabels } from '../../model/train/lab-bags';
import { labBags } from '../../model/train/lab-bags';
import { scoreBags } from '../../model/train/trainer';
import { createRandom } from '../../shared/random';
import type { FineTuneProgress, FineTuneSettings, TrainingSummary } from '../finetune-api';

export interface LabFineTuneInput {
  /** The loaded model; it is copied, never changed. */
  readonly parent: HomNetModel;
  readonly cases: readonly DatasetCase[];
  readonly labels: CaseLabels;
  readonly settings: FineTuneSettings;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: FineTuneProgress) => void;
  /** Lets the caller's event loop run (a worker must see cancel messages between steps). */
  readonly yieldToEvents?: () => Promise<void>;
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
  /** Clock in milliseconds (for ETA); injectable for tests. */
  readonly now?: () => number;
}

export interface LabFineTuneOutput {
  /** The fine-tuned weights with their manifest: own id, parent id, date, threshold, training summary. */
  readonly artifacts: ModelArtifacts;
  readonly before: ValidationFigures;
  readonly after: ValidationFigures;
}

const hasPair = (c: DatasetCase): boolean =>
  c.cells.some((cell) => cell.chromosomes.some((ch) => pairOf(cell, ch.type)));

const cellCount = (cases: readonly DatasetCase[]): number => cases.reduce((n, c) => n + c.cells.length, 0);

function abortError(): DOMException {
  return new DOMException('fine-tuning cancelled by the user', 'AbortError');
}

/** Splits by case as the CLI does: `tuningShare` of the cases to fine-tune on, the rest held back. */
function splitCases(
  cases: readonly DatasetCase[],
  settings: FineTuneSettings,
): { tuning: DatasetCase[]; heldBack: DatasetCase[] } {
  const usable = cases.filter(hasPair);
  const { validation: tuning, training: heldBack } = splitByCase(
    usable,
    settings.tuningShare,
    createRandom(settings.seed),
  );
  if (tuning.length === 0 || heldBack.length === 0) {
    const share = Math.round(settings.tuningShare * 100);
    throw new Error(
      `${usable.length} of the picked cases have complete pairs; with ${share} % of them to fine-tune on ` +
        `and the rest held back, one side would be empty. Pick more cases (at least ${Math.max(2, Math.ceil(0.5 / Math.min(settings.tuningShare, 1 - settings.tuningShare)))}).`,
    );
  }
  return { tuning, heldBack };
}

function countLabels(
  cases: readonly DatasetCase[],
  labels: CaseLabels,
): { abnormal: number; normal: number } {
  const verdicts = cases.flatMap((c) => Object.values(labels[c.id] ?? {}));
  return {
    abnormal: verdicts.filter((v) => v === 'abnormal').length,
    normal: verdicts.filter((v) => v === 'normal').length,
  };
}

/**
 * The app's per-lab fine-tuning: the CLI's recipe (fineTune, lab bags, early stopping) on cases the app
 * has analysed, with the figures of the parent and of the new model on the held-back cases. The new
 * threshold is chosen on the tuning cases' bags by the same specificity rule as the shipped model's.
 */
export async function runLabFineTune(input: LabFineTuneInput): Promise<LabFineTuneOutput> {
  const { parent, settings, signal, labels } = input;
  const now = input.now ?? (() => performance.now());
  const started = now();
  const progress = (partial: Partial<FineTuneProgress> & Pick<FineTuneProgress, 'phase'>): void => {
    input.onProgress({
      step: 0,
      maxSteps: settings.steps,
      loss: null,
      bestAuc: null,
      etaSeconds: null,
      elapsedSeconds: (now() - started) / 1000,
      ...partial,
    });
  };
  const checkCancel = async (): Promise<void> => {
    await input.yieldToEvents?.();
    if (signal.aborted) throw abortError();
  };

  progress({ phase: 'reading' });
  await enableTraining();
  const { tuning, heldBack } = splitCases(input.cases, settings);
  const evaluation = labBags(
    heldBack,
    labels,
    settings.evaluationBags,
    createRandom(settings.seed + 1),
    DEFAULT_SAMPLER,
  );
  const earlyStopping = labBags(
    tuning,
    labels,
    settings.earlyStoppingBags,
    createRandom(settings.seed + 2),
    DEFAULT_SAMPLER,
  );
  await checkCancel();
  progress({ phase: 'scoring-before' });
  const before = validationFigures(await scoreBags(parent, evaluation), parent.info.threshold);
  await checkCancel();

  const candidate = await loadModel({
    weights: await parent.exportArtifacts(),
    backend: parent.backend.name,
    warmUp: false,
    ...(input.wasmPaths === undefined ? {} : { wasmPaths: input.wasmPaths }),
  });
  const optimizer = new AdamW({ learningRate: FINE_TUNE_RECIPE.learningRate, weightDecay: 0 });
  try {
    const trainingStarted = now();
    let loss: number | null = null;
    let bestAuc: number | null = null;
    const state = await fineTune({
      model: candidate,
      optimizer,
      training: tuning,
      labels,
      validation: earlyStopping,
      steps: settings.steps,
      batch: settings.batch,
      evaluateEvery: Math.min(FINE_TUNE_RECIPE.evaluateEvery, settings.steps),
      patience: FINE_TUNE_RECIPE.patience,
      seed: settings.seed,
      signal,
      onProgress: (p) => {
        loss = p.loss;
        bestAuc = p.bestAuc >= 0 ? p.bestAuc : null;
      },
      onStep: async (step) => {
        const perStep = (now() - trainingStarted) / 1000 / step;
        progress({
          phase: 'training',
          step,
          loss,
          bestAuc,
          etaSeconds: perStep * (settings.steps - step),
        });
        await input.yieldToEvents?.();
      },
    });
    await checkCancel();
    progress({ phase: 'choosing-threshold', step: state.step, loss, bestAuc: state.bestAuc });
    const threshold = thresholdAtSpecificity(await scoreBags(candidate, earlyStopping), REVIEW_SPECIFICITY);
    await checkCancel();
    progress({ phase: 'scoring-after', step: state.step, loss, bestAuc: state.bestAuc });
    const after = validationFigures(await scoreBags(candidate, evaluation), threshold);
    const training: TrainingSummary = {
      fineTunedFrom: parent.id,
      cases: { tuning: tuning.length, heldBack: heldBack.length },
      cells: { tuning: cellCount(tuning), heldBack: cellCount(heldBack) },
      labelledTypes: countLabels(tuning, labels),
      steps: state.step,
      bestStep: state.bestStep,
      stoppedEarly: state.step < settings.steps,
      learningRate: FINE_TUNE_RECIPE.learningRate,
      backend: parent.backend.name,
      seconds: Math.round((now() - started) / 100) / 10,
      heldBack: {
        before: { auc: before.auc, f1: before.f1 },
        after: { auc: after.auc, f1: after.f1 },
      },
    };
    const packed = await candidate.exportArtifacts({
      threshold,
      parentId: parent.id,
      createdAt: new Date().toISOString(),
      // The pretraining reference travels on, so that this model can itself be fine-tuned again.
      training: { ...training, ...referenceEntry(parent.info.training) },
    });
    // Named by its checksum like every trained model, so the same weights always carry the same id.
    const id = `homnet-${packed.manifest.sha256.slice(0, 12)}`;
    return { artifacts: { ...packed, manifest: { ...packed.manifest, id } }, before, after };
  } finally {
    optimizer.dispose();
    candidate.dispose();
  }
}
