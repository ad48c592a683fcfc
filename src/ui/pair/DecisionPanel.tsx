import { useId, useState } from 'react';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { recordDecision } from '../../state/case-actions';
import { errorText } from '../../shared/error-text';
import { DECISIONS, typeTrail } from '../../state/review-types';
import { useAppStore } from '../../state/store';
import { focusReviewerIfMissing } from '../common/reviewer-field';

/** The reviewer's decision on one type, with a note, and the type's audit trail (append-only). */
export function DecisionPanel({ type }: { type: ChromosomeType }) {
  const noteId = useId();
  const note = useAppStore((s) => s.decisionNote);
  const setNote = useAppStore((s) => s.setDecisionNote);
  // 'saved' only once IndexedDB has committed the decision (recordDecision resolves after the write).
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved' | { failed: string }>('idle');
  const record = useAppStore((s) => (s.currentCaseId ? s.cases[s.currentCaseId] : undefined));
  const latest = (record?.decisions ?? []).filter((d) => d.type === type).at(-1);
  const trail = record ? typeTrail(record, type) : [];
  return (
    <section className="decision" aria-label="Review decision">
      <h3>Your decision on chromosome {type}</h3>
      <label htmlFor={noteId}>Note</label>
      <textarea
        id={noteId}
        rows={2}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
      <div className="decision-buttons" role="group" aria-label="Decision">
        {DECISIONS.map((decision) => (
          <button
            key={decision}
            type="button"
            className={`decide decide-${decision}`}
            aria-pressed={latest?.decision === decision}
            disabled={saving === 'saving'}
            onClick={() => {
              setSaving('saving');
              recordDecision(type, decision, note).then(
                () => {
                  setSaving('saved');
                },
                (error: unknown) => {
                  setSaving({ failed: errorText(error) });
                  focusReviewerIfMissing();
                },
              );
            }}
          >
            {decision}
          </button>
        ))}
      </div>
      <p role="status" className="decision-saved" data-testid="decision-saved">
        {saving === 'saving' ? 'Saving…' : saving === 'saved' ? 'Saved in this browser.' : ''}
        {typeof saving === 'object' ? `Not saved: ${saving.failed}` : ''}
      </p>
      <h4>Audit trail</h4>
      {trail.length === 0 ? (
        <p className="muted">No decision or correction yet.</p>
      ) : (
        <ol className="audit" data-testid="audit-trail">
          {trail.map(({ kind, entry }, i) => (
            <li key={`${kind}-${entry.at}-${String(i)}`} className={`audit-${kind}`}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> —{' '}
              {kind === 'decision' ? (
                <>
                  <strong>{entry.decision}</strong> by {entry.reviewer} (model {entry.modelId})
                  {entry.note ? `: ${entry.note}` : ''}
                </>
              ) : (
                <>
                  correction: {entry.text}, {entry.reviewer !== '' ? `by ${entry.reviewer}` : 'unsigned'}{' '}
                  (model {entry.modelId})
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
