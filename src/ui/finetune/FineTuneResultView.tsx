import { useMemo } from 'react';
import type { ValidationFigures } from '../../model/eval/validation-figures';
import { discardCandidate, keepCandidate } from '../../state/finetune-actions';
import type { FineTuneResult } from '../../worker/finetune-api';
import { RocChart } from './RocChart';

function FiguresRow({
  label,
  testId,
  figures,
}: {
  label: string;
  testId: string;
  figures: ValidationFigures;
}) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td data-testid="auc">{figures.auc.toFixed(3)}</td>
      <td data-testid="f1">{figures.f1.toFixed(3)}</td>
      <td>{figures.precision.toFixed(3)}</td>
      <td>{figures.recall.toFixed(3)}</td>
      <td data-testid="threshold">{figures.threshold.toFixed(3)}</td>
    </tr>
  );
}

/** Before and after on the held-back cases, both ROC curves, and the lab's decision. */
export function FineTuneResultView({ result, parentId }: { result: FineTuneResult; parentId: string }) {
  const { before, after, candidate } = result;
  const training = candidate.training;
  const chart = useMemo(
    () => ({
      curves: [
        { label: `current (${parentId})`, auc: before.auc, points: before.roc, dashed: true },
        { label: `fine-tuned (${candidate.id})`, auc: after.auc, points: after.roc, dashed: false },
      ],
    }),
    [before, after, candidate.id, parentId],
  );
  return (
    <section
      className="finetune-result"
      aria-labelledby="finetune-result-title"
      data-testid="finetune-result"
    >
      <h3 id="finetune-result-title">
        Fine-tuned model <span data-testid="candidate-id">{candidate.id}</span>
      </h3>
      <p className="muted">
        {training
          ? `${training.steps} steps (best at step ${training.bestStep}${training.stoppedEarly ? ', stopped early' : ''}) on ${training.cases.tuning} cases; scored on ${training.cases.heldBack} held-back cases (${before.bags} bags, ${before.abnormalBags} abnormal). `
          : ''}
        F1 is taken at each model&apos;s threshold; the new threshold keeps 95 % of the tuning cases&apos;
        normal bags below it.
      </p>
      <table className="figures">
        <thead>
          <tr>
            <th scope="col">Held-back cases</th>
            <th scope="col">AUC</th>
            <th scope="col">F1</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">Threshold</th>
          </tr>
        </thead>
        <tbody>
          <FiguresRow label={`current (${parentId})`} testId="figures-before" figures={before} />
          <FiguresRow label="fine-tuned" testId="figures-after" figures={after} />
        </tbody>
      </table>
      <RocChart data={chart} />
      <p className="decision-buttons">
        <button type="button" onClick={() => void keepCandidate(true)}>
          Adopt and use {candidate.id}
        </button>
        <button type="button" onClick={() => void keepCandidate(false)}>
          Keep without using it
        </button>
        <button type="button" onClick={() => void discardCandidate()}>
          Discard
        </button>
      </p>
    </section>
  );
}
