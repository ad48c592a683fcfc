import { join } from 'node:path';
import type { HomNetModel } from '../../model/homnet-model';
import { createModel, loadModel } from '../../model/load-model';
import { AdamW } from '../../model/train/adamw';
import type { TrainerState } from '../../model/train/trainer';
import { train } from '../../model/train/trainer';
import { UsageError } from '../common/args';
import { configDifferences, loadCheckpoint, saveCheckpoint } from '../common/checkpoint';
import { createProgressBar } from '../common/progress';
import { renderEvaluationStep } from './render-training';
import { prefetchedBatches } from './prefetched-batches';
import type { TrainingData } from './training-data';
import { drawTrainingBatch } from './training-data';
import type { TrainConfig, TrainOptions } from './train-options';

/** A finished (or stopped) training session. The caller disposes the model and the optimizer. */
export interface TrainingRun {
  readonly model: HomNetModel;
  readonly optimizer: AdamW;
  readonly state: TrainerState;
  /** Wall clock of every session of the run so far (earlier ones from the checkpoint), in seconds. */
  readonly elapsedSeconds: () => number;
}

/** Linear warm-up, then cosine decay to 5 % of the peak rate. */
export function learningRateAt(config: TrainConfig): (step: number) => number {
  return (step) => {
    if (step < config.warmupSteps) return (config.learningRate * (step + 1)) / config.warmupSteps;
    const progress = Math.min(
      1,
      (step - config.warmupSteps) / Math.max(1, config.steps - config.warmupSteps),
    );
    return config.learningRate * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * progress)));
  };
}

/**
 * Trains from scratch, or with `resume` from the run's checkpoint (<out>/checkpoint), saving a checkpoint
 * after every validation pass, until the step budget, early stopping or the session's `minutes` (counted
 * from `startedAt`, a Date.now() time). Progress goes to stderr.
 * @throws UsageError when the checkpoint was made with other settings.
 */
export async function trainWithCheckpoints(
  { config, out, resume, minutes }: TrainOptions,
  data: TrainingData,
  startedAt: number,
): Promise<TrainingRun> {
  const checkpointDir = join(out, 'checkpoint');
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
  const elapsedSeconds = (): number => earlierSeconds + (Date.now() - startedAt) / 1000;
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
  const deadline = minutes === null ? null : startedAt + minutes * 60_000;
  const controller = new AbortController();
  // Drawn ahead on the second core; seeded by the step, so a resumed run draws the batches an
  // uninterrupted one would, whichever process draws them.
  const batches = prefetchedBatches(config, (step) => drawTrainingBatch(config, data, step), {
    onFailure: (message) => {
      process.stderr.write(`\nbatches are drawn in this process from now on: ${message}\n`);
    },
  });
  const state = await train({
    model,
    optimizer,
    policy: 'pretrain',
    nextBatch: (step) => {
      if (deadline !== null && Date.now() > deadline) controller.abort();
      return batches.batch(step);
    },
    validation: data.validationBags,
    evaluateEvery: config.evalEvery,
    patience: config.patience,
    maxSteps: config.steps,
    learningRateAt: learningRateAt(config),
    signal: controller.signal,
    onProgress: (p) => {
      bar.update(p.step - firstStep, `loss ${p.loss.toFixed(4)} best AUC ${p.bestAuc.toFixed(4)}`);
    },
    onEvaluation: async (record, current) => {
      process.stderr.write(renderEvaluationStep(record));
      await saveCheckpoint(checkpointDir, model, optimizer, current, { ...config }, elapsedSeconds());
    },
    ...(resumeFrom ? { resumeFrom } : {}),
  }).finally(() => {
    batches.close();
  });
  bar.end();
  return { model, optimizer, state, elapsedSeconds };
}
