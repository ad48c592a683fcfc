import { cancelJob } from '../../state/case-actions';
import { useAppStore } from '../../state/store';

/** The running job: its phase, each cell's stage, and a cancel button. */
export function JobPanel() {
  const job = useAppStore((s) => s.job);
  if (!job) return null;
  const progress = job.progress;
  const done = progress?.cells.filter((c) => c.stage === 'done' || c.stage === 'failed').length ?? 0;
  const total = progress?.cells.length ?? 0;
  return (
    <section className="job" role="status" aria-label="Analysis progress" data-testid="job-progress">
      <p>
        <strong>{job.label}</strong>: {progress?.phase ?? 'starting'}
        {total > 0 ? ` — ${done} of ${total} cells` : ''}
      </p>
      {total > 0 ? <progress max={total} value={done} aria-label="cells analysed" /> : null}
      <ul className="job-cells">
        {progress?.cells.map((cell) => (
          <li key={cell.id} className={`stage-${cell.stage}`}>
            {cell.id}: {cell.stage}
          </li>
        ))}
      </ul>
      {job.id !== 'correction' ? (
        <button type="button" onClick={cancelJob}>
          Cancel
        </button>
      ) : null}
    </section>
  );
}
