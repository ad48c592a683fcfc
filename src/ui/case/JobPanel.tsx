import { cancelJob } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { JobProgress } from '../../worker/analysis-api';

/** Most cells listed by name: a case may hold hundreds, and the list is drawn again on every message. */
const LISTED_CELLS = 24;

/** The cells worth naming first: those at work, then the failed, then the rest in order. */
function listedCells(cells: JobProgress['cells']): JobProgress['cells'] {
  if (cells.length <= LISTED_CELLS) return cells;
  const rank = (stage: string): number =>
    stage === 'queued' || stage === 'done' ? 2 : stage === 'failed' ? 1 : 0;
  return [...cells].sort((a, b) => rank(a.stage) - rank(b.stage)).slice(0, LISTED_CELLS);
}

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
        {listedCells(progress?.cells ?? []).map((cell) => (
          <li key={cell.id} className={`stage-${cell.stage}`}>
            {cell.id}: {cell.stage}
          </li>
        ))}
        {total > LISTED_CELLS ? (
          <li className="job-cells-more">… and {total - LISTED_CELLS} more cells</li>
        ) : null}
      </ul>
      {job.id !== 'correction' ? (
        <button type="button" onClick={cancelJob}>
          Cancel
        </button>
      ) : null}
    </section>
  );
}
