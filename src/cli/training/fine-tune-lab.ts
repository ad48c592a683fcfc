import { resolve } from 'node:path';
import { thresholdAtSpecificity } from '../../model/eval/metrics';
import { REVIEW_SPECIFICITY } from '../../model/eval/threshold-rule';
import { loadModel } from '../../model/load-model';
import { AdamW } from '../../model/train/adamw';
import { DEFAULT_SAMPLER } from '../../model/train/bag-sampler';
import { splitByCase } from '../../model/train/dataset';
import { enableTraining } from '../../model/train/enable-training';
import { fineTune } from '../../model/train/finetune';
import { FINE_TUNE_RECIPE } from '../../model/train/finetune-recipe';
import { referenceEntry } from '../../model/train/input-reference';
import type { CaseLabels } from '../../model/train/lab-bags';
import { labBags } from '../../model/train/lab-bags';
import { scoreBags } from '../../model/train/trainer';
import type { ModelArtifacts } from '../../model/weights/manifest';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import { createRandom } from '../../shared/random';
import { UsageError } from '../common/args';
import { loadCasesThroughPipeline } from '../common/case-dataset';
import { createProgressBar } from '../common/progress';
import type { LabFigures } from '../evaluation/lab-figures';
import { labFigures } from '../evaluation/lab-figures';
import { printable } from '../common/printable';

/** What `npm run finetune` fine-tunes, on what, and how. */
export interface FineTuneOptions {
  /** A folder of cases, read as the app reads them. */
  readonly data: string;
  readonly labels: CaseLabels;
  readonly modelDir: string;
  /** Share of the cases fine-tuned on, (0, 1); the rest are held back and scored. */
  readonly split: number;
  readonly learningRate: number;
  readonly steps: number;
  readonly seed: number;
}

/** What fine-tuning did: figures on the held-back cases before and after. */
export interface FineTuneFigures {
  /** The model it started from. */
  readonly parentId: string;
  readonly modelId: string;
  readonly before: LabFigures;
  readonly after: LabFigures;
  /** The new threshold, a probability. */
  readonly threshold: number;
}

/** A fine-tuned model with its figures. */
export interface FineTuneResult extends FineTuneFigures {
  readonly artifacts: ModelArtifacts;
  /** Files that could not be read (the rest were used). */
  readonly errors: number;
}

/**
 * Fine-tunes a model on a lab's cases with the app's recipe (FINE_TUNE_RECIPE): reads the cases
 * through the image pipeline, tunes on `split` of them, chooses the threshold on the lab's normal
 * early-stopping bags and scores the held-back cases before and after. Progress goes to stderr.
 * @throws UsageError when the split leaves no case on one side.
 */
export async function fineTuneOnLab(options: FineTuneOptions): Promise<FineTuneResult> {
  const { labels, seed, split, steps } = options;
  await enableTraining();
  const model = await loadModel({
    weights: await readArtifactsFromDirectory(options.modelDir),
    backend: 'wasm',
  });
  let optimizer: AdamW | null = null;
  try {
    const bar = createProgressBar('reading cases', 1);
    const { cases, errors } = await loadCasesThroughPipeline(resolve(options.data), (done, total) => {
      bar.update(done, `of ${total}`);
    });
    bar.end();
    for (const e of errors) process.stderr.write(`error: ${printable(e.file)}: ${printable(e.message)}\n`);
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
    optimizer = new AdamW({ learningRate: options.learningRate, weightDecay: 0 });
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
    const modelId = `homnet-${tuned.manifest.sha256.slice(0, 12)}`;
    const artifacts = {
      ...tuned,
      manifest: {
        ...tuned.manifest,
        id: modelId,
        parentId: model.id,
        training: {
          fineTunedFrom: model.id,
          cases: { tuning: tuning.length, heldBack: heldBack.length },
          steps: state.step,
          bestStep: state.bestStep,
          learningRate: options.learningRate,
          ...referenceEntry(model.info.training),
        },
      },
    };
    return { parentId: model.id, modelId, artifacts, before, after, threshold, errors: errors.length };
  } finally {
    model.dispose();
    optimizer?.dispose();
  }
}
