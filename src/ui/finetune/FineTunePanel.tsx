import { startFineTune } from '../../state/finetune-actions';
import { useAppStore } from '../../state/store';
import { CasePicker } from './CasePicker';
import { FineTuneProgressView } from './FineTuneProgressView';
import { FineTuneResultView } from './FineTuneResultView';
import { FineTuneSettingsForm } from './FineTuneSettingsForm';

/** Per-lab fine-tuning: pick cases, start, follow, compare, decide. */
export function FineTunePanel() {
  const job = useAppStore((s) => s.fineTuneJob);
  const model = useAppStore((s) => (s.engine.phase === 'ready' ? (s.engine.model?.id ?? null) : null));
  return (
    <section className="finetune" aria-labelledby="finetune-title">
      <h3 id="finetune-title">Fine-tune {model ?? 'the model'} on this lab&apos;s cases</h3>
      <p className="muted">
        Reviewed abnormal types are learnt as they are; every picked case also lends normal pairs with
        artificial abnormalities, as in pretraining. Cases are split into a part to fine-tune on and a
        held-back part on which both models are scored. The layers that read the banding stay as they are; the
        lab&apos;s darkness is first matched to the training data&apos;s, then fitted with the rest. The model
        in use changes only if you adopt the result.
      </p>
      <CasePicker />
      <FineTuneSettingsForm />
      {job.phase === 'running' ? (
        <FineTuneProgressView progress={job.progress} />
      ) : (
        <p>
          <button
            type="button"
            disabled={model === null || job.phase === 'done'}
            onClick={() => void startFineTune()}
          >
            Start fine-tuning
          </button>
        </p>
      )}
      {job.phase === 'failed' ? (
        <p role="alert" className="notice notice-error" data-testid="finetune-error">
          {job.message}
        </p>
      ) : null}
      {job.phase === 'done' ? <FineTuneResultView result={job.result} parentId={job.parentId} /> : null}
    </section>
  );
}
