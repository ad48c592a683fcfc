import { pickedCaseIds, togglePick } from '../../state/finetune-actions';
import { fineTuneCandidates } from '../../state/finetune-cases';
import { useAppStore } from '../../state/store';

/** Worklist cases to learn from, with the labels each brings; flagged types without a decision warn. */
export function CasePicker() {
  const cases = useAppStore((s) => s.cases);
  // Read for re-rendering when the pick changes; pickedCaseIds() resolves the default pick.
  useAppStore((s) => s.fineTunePicks);
  const disabled = useAppStore((s) => s.fineTuneJob.phase === 'running');
  const candidates = fineTuneCandidates(cases);
  const picked = new Set(pickedCaseIds());
  if (candidates.length === 0) return <p className="muted">No case in the worklist yet.</p>;
  return (
    <fieldset className="case-picker" disabled={disabled}>
      <legend>
        Cases ({picked.size} of {candidates.length} picked)
      </legend>
      <ul>
        {candidates.map((c) => {
          const labels = Object.entries(c.labels);
          const abnormal = labels.filter(([, v]) => v === 'abnormal').map(([t]) => t);
          return (
            <li key={c.id} data-testid="finetune-case">
              <label>
                <input
                  type="checkbox"
                  checked={picked.has(c.id)}
                  disabled={!c.usable}
                  onChange={(e) => {
                    togglePick(c.id, e.target.checked);
                  }}
                />{' '}
                <span className="case-name">{c.name}</span>{' '}
                <span className={`status status-${c.status}`}>{c.status}</span>{' '}
                <span className="muted">
                  {c.cells} cells ·{' '}
                  {abnormal.length > 0
                    ? `reviewed abnormal: ${abnormal.join(', ')}`
                    : 'no reviewed abnormality'}
                  {labels.length > abnormal.length
                    ? ` · ${labels.length - abnormal.length} reviewed normal`
                    : ''}
                </span>
              </label>
              {!c.usable ? (
                <span className="muted"> (imported from JSON: no profiles to learn from)</span>
              ) : null}
              {c.usable && c.undecided.length > 0 ? (
                <span className="warning">
                  {' '}
                  flagged without a decision: {c.undecided.join(', ')} (would be learnt as normal)
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
