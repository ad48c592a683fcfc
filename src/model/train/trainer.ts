import type { HomNetModel } from '../homnet-model';
import type { ScoredExample } from '../eval/metrics';
import { bestF1Threshold, f1AtThreshold, rocAuc } from '../eval/metrics';
import type { AdamW } from './adamw';
import type { FreezePolicy } from './freeze';
import type { LabelledBag } from './train-step';
import { trainStep } from './train-step';
import { WeightAverage } from './weight-average';

/** One validation pass. */
export interface EvaluationRecord {
  readonly step: number;
  readonly trainLoss: number;
  readonly auc: number;
  readonly f1AtHalf: number;
  readonly bestThreshold: number;
  readonly bestF1: number;
}

/** Where training stands; everything needed to resume after an interruption (with the weights). */
export interface TrainerState {
  step: number;
  bestAuc: number;
  bestStep: number;
  evaluationsWithoutImprovement: number;
  history: EvaluationRecord[];
  /** Weights of the best evaluation so far (kept, not the last ones). */
  best: Map<string, Float32Array> | null;
}

export interface TrainingProgress {
  readonly step: number;
  readonly maxSteps: number;
  /** Mean loss of the steps since the last report. */
  readonly loss: number;
  readonly bestAuc: number;
}

export interface TrainerOptions {
  readonly model: HomNetModel;
  readonly optimizer: AdamW;
  readonly policy: FreezePolicy;
  /** The batch for a step; deterministic in `step` so a resumed run sees the same data. */
  readonly nextBatch: (step: number) => readonly LabelledBag[] | Promise<readonly LabelledBag[]>;
  readonly validation: readonly LabelledBag[];
  readonly evaluateEvery: number;
  /** Stop after this many evaluations without a better validation AUC (the paper uses 10). */
  readonly patience: number;
  readonly maxSteps: number;
  /** Learning rate per step (warm-up, decay); the optimiser's own rate when absent. */
  readonly learningRateAt?: (step: number) => number;
  /**
   * When given, the trainable weights are averaged over the run (an exponential moving average with this
   * decay, starting from the weights the run starts with) and the average is what is evaluated, kept as
   * the best and left in the model. A resumed run restarts the average from the resumed weights.
   */
  readonly averageDecay?: number;
  readonly onProgress?: (progress: TrainingProgress) => void;
  /**
   * Called after every step with the number of steps done. Awaited: a worker returns to its event loop
   * here, so that a cancel message can arrive while training runs.
   */
  readonly onStep?: (step: number) => void | Promise<void>;
  /** Called after every evaluation, e.g. to write a checkpoint. */
  readonly onEvaluation?: (record: EvaluationRecord, state: TrainerState) => Promise<void>;
  readonly signal?: AbortSignal;
  readonly resumeFrom?: TrainerState;
}

export function initialTrainerState(): TrainerState {
  return { step: 0, bestAuc: -1, bestStep: 0, evaluationsWithoutImprovement: 0, history: [], best: null };
}

/** Scores labelled bags and returns (score, truth) pairs. */
export async function scoreBags(model: HomNetModel, bags: readonly LabelledBag[]): Promise<ScoredExample[]> {
  const predictions = await model.predict(
    bags.map((b) => b.bag),
    { details: false },
  );
  return predictions.map((p, i) => ({ score: p.probability, abnormal: (bags[i]?.label ?? 0) >= 0.5 }));
}

/**
 * Trains with early stopping on validation AUC and leaves the best weights in the model. Resumable:
 * pass the state an earlier run's onEvaluation saved (and its weights and optimiser state restored).
 */
export async function train(options: TrainerOptions): Promise<TrainerState> {
  const { model, optimizer } = options;
  const state = options.resumeFrom ?? initialTrainerState();
  const average =
    options.averageDecay === undefined
      ? null
      : new WeightAverage(model, options.policy, options.averageDecay);
  /** Runs `task` on the weights that are evaluated: the average when there is one. */
  const onEvaluated = <T>(task: () => Promise<T>): Promise<T> =>
    average ? average.withAveraged(task) : task();
  let lossSum = 0;
  let lossCount = 0;
  try {
    while (state.step < options.maxSteps && state.evaluationsWithoutImprovement < options.patience) {
      if (options.signal?.aborted) break;
      if (options.learningRateAt) optimizer.setLearningRate(options.learningRateAt(state.step));
      lossSum += await trainStep(model, optimizer, await options.nextBatch(state.step), options.policy);
      average?.update();
      lossCount++;
      state.step++;
      await options.onStep?.(state.step);
      if (state.step % options.evaluateEvery !== 0 && state.step !== options.maxSteps) continue;
      const trainLoss = lossSum / lossCount;
      options.onProgress?.({
        step: state.step,
        maxSteps: options.maxSteps,
        loss: trainLoss,
        bestAuc: state.bestAuc,
      });
      lossSum = 0;
      lossCount = 0;
      const scored = await onEvaluated(() => scoreBags(model, options.validation));
      const best = bestF1Threshold(scored);
      const record: EvaluationRecord = {
        step: state.step,
        trainLoss,
        auc: rocAuc(scored),
        f1AtHalf: f1AtThreshold(scored, 0.5).f1,
        bestThreshold: best.threshold,
        bestF1: best.f1,
      };
      state.history.push(record);
      if (record.auc > state.bestAuc) {
        state.bestAuc = record.auc;
        state.bestStep = state.step;
        state.evaluationsWithoutImprovement = 0;
        state.best = await onEvaluated(() => model.weights.read());
      } else {
        state.evaluationsWithoutImprovement++;
      }
      await options.onEvaluation?.(record, state);
    }
  } finally {
    average?.dispose();
  }
  if (state.best) model.weights.assign(state.best);
  return state;
}
