import { cancelFineTune } from '../../state/finetune-actions';
import type { FineTuneProgress } from '../../worker/finetune-api';

const PHASES: Record<FineTuneProgress['phase'], string> = {
  reading: 'reading the picked cases',
  'scoring-before': 'scoring the held-back cases with the current model',
  training: 'fine-tuning',
  'choosing-threshold': 'choosing the threshold',
  'scoring-after': 'scoring the held-back cases with the new model',
};

const seconds = (s: number): string =>
  s < 90 ? `${Math.round(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

/** Phase, step, loss, best early-stopping AUC, elapsed time, ETA, and a cancel button. */
export function FineTuneProgressView({ progress }: { progress: FineTuneProgress | null }) {
  return (
    <section className="job" role="status" aria-label="Fine-tuning progress" data-testid="finetune-progress">
      <p>
        <strong>Fine-tuning</strong>: {progress ? PHASES[progress.phase] : 'starting'}
        {progress?.phase === 'training' ? ` — step ${progress.step} of at most ${progress.maxSteps}` : ''}
      </p>
      {progress ? (
        <progress max={progress.maxSteps} value={progress.step} aria-label="fine-tuning steps" />
      ) : null}
      {progress ? (
        <p className="muted" data-testid="finetune-eta">
          {seconds(progress.elapsedSeconds)} so far
          {progress.etaSeconds !== null ? `, at most ${seconds(progress.etaSeconds)} of training left` : ''}
          {progress.loss !== null ? ` · loss ${progress.loss.toFixed(4)}` : ''}
          {progress.bestAuc !== null ? ` · best early-stopping AUC ${progress.bestAuc.toFixed(3)}` : ''}
        </p>
      ) : null}
      <button type="button" onClick={cancelFineTune}>
        Cancel fine-tuning
      </button>
    </section>
  );
}
