import type { EvaluationRecord } from '../../model/train/trainer';
import { formatSeconds } from '../common/progress';
import { printable } from '../common/printable';
import { formatFigures } from '../evaluation/lab-figures';
import type { FineTuneFigures } from './fine-tune-lab';
import type { LabSplit } from './training-data';
import type { TrainingFigures } from './training-result';

/** What was read: one `error:` line per unreadable file (its name escaped, {@link printable}), then each lab's split. */
export function renderTrainingData(errors: readonly string[], splits: readonly LabSplit[]): string {
  return [
    ...errors.map((error) => `error: ${printable(error)}\n`),
    ...splits.map(
      (s) =>
        `${s.lab}: ${s.cases} cases, ${s.cases - s.validation} for training, ${s.validation} for validation (split by case)\n`,
    ),
  ].join('');
}

/** One validation pass, on a line of its own below the progress bar. */
export function renderEvaluationStep(record: EvaluationRecord): string {
  return `\nstep ${record.step}: loss ${record.trainLoss.toFixed(4)} validation AUC ${record.auc.toFixed(4)} best F1 ${record.bestF1.toFixed(4)}\n`;
}

/** The last line of a run: its model, figures and threshold; `seconds` is this session's wall clock. */
export function renderTrainingSummary(figures: TrainingFigures, seconds: number): string {
  const v = figures.validation;
  return (
    `done in ${formatSeconds(seconds)}: model ${figures.modelId}, best step ${figures.bestStep}, ` +
    `validation AUC ${v.auc.toFixed(4)} (standard ${v.standardAuc.toFixed(4)}, subtle ${v.subtleAuc.toFixed(4)}), ` +
    `threshold ${figures.threshold.toFixed(3)}\n`
  );
}

/** What `npm run finetune` prints: the held-back cases' figures before and after, the new threshold. */
export function renderFineTune(result: FineTuneFigures, out: string): string {
  return (
    `${formatFigures(`before (${result.parentId})`, result.before)}\n` +
    `${formatFigures(`after  (${result.modelId})`, result.after)}\n` +
    `new threshold ${result.threshold.toFixed(3)}; model written to ${out}\n`
  );
}
