import { findingText, numericalFindings } from '../../karyotype/numerical-findings';
import { deleteCase, openCase } from '../../state/case-actions';
import { caseStatus, flaggedTypes, refusalReason } from '../../state/review-types';
import { useAppStore } from '../../state/store';
import { DropZone } from './DropZone';
import { ImportJson } from '../report/ImportJson';

/** Saved cases with status, flagged types and dates; newest first. */
export function Worklist() {
  const cases = useAppStore((s) => s.cases);
  const current = useAppStore((s) => s.currentCaseId);
  const setScreen = useAppStore((s) => s.setScreen);
  const records = Object.values(cases).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <nav className="worklist" aria-label="Worklist">
      <DropZone />
      <div className="worklist-actions">
        <ImportJson />
        <button
          type="button"
          onClick={() => {
            setScreen('teaching');
          }}
        >
          Teaching mode…
        </button>
        <button
          type="button"
          onClick={() => {
            setScreen('models');
          }}
        >
          Models and fine-tuning…
        </button>
      </div>
      <h2>Cases</h2>
      {records.length === 0 ? <p className="muted">No saved case yet.</p> : null}
      <ul>
        {records.map((record) => {
          const status = caseStatus(record);
          const flagged = flaggedTypes(record.summary);
          const numerical = numericalFindings(record.summary.types).map(findingText);
          const refused = refusalReason(record.summary);
          return (
            <li
              key={record.id}
              className={record.id === current ? 'current' : ''}
              data-testid="worklist-item"
            >
              <button
                type="button"
                className="open-case"
                aria-current={record.id === current}
                onClick={() => {
                  openCase(record.id);
                }}
              >
                <span className="case-name">{record.summary.name}</span>
                <span className={`status status-${status}`}>{status}</span>
                <span className="muted" data-testid="worklist-findings">
                  {refused !== null ? <span className="refusal">{refused}</span> : null}
                  {refused === null && flagged.length > 0 ? `flagged: ${flagged.join(', ')}` : ''}
                  {flagged.length > 0 && numerical.length > 0 ? ' · ' : ''}
                  {refused === null && numerical.length > 0 ? (
                    <span className="numerical-text">numerical: {numerical.join(', ')}</span>
                  ) : null}
                  {refused === null && flagged.length === 0 && numerical.length === 0
                    ? 'nothing flagged'
                    : ''}{' '}
                  · {new Date(record.createdAt).toLocaleDateString()}
                </span>
              </button>
              <button
                type="button"
                className="delete"
                aria-label={`delete ${record.summary.name}`}
                onClick={() => void deleteCase(record.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
