import { calibrationText } from '../common/verdict';
import { findingText, numericalFindings } from '../../karyotype/numerical-findings';
import { fewCellsText } from '../../pipeline/verdict/few-cells';
import { rescoreWithCurrentModel } from '../../state/case-actions';
import { useAppStore } from '../../state/store';
import type { CaseOrigin } from '../../worker/analysis-api';
import { ExportButtons } from '../report/ExportButtons';
import { ScreenBoundary } from '../common/ScreenBoundary';
import { PairView } from '../pair/PairView';
import { TeachingGuide } from '../teaching/TeachingGuide';
import { AddCells } from './AddCells';
import { ArrangedKaryogram } from './ArrangedKaryogram';
import { CellList } from './CellList';
import { scoredCellCount } from './scored-cells';
import { KaryogramOverview } from './KaryogramOverview';

/** What a reviewer can do about a case of few cells, by where the case came from. */
const FEW_CELLS_ADVICE: Record<CaseOrigin, string> = {
  files: 'Add cells… brings in more karyograms or crops of this case.',
  import: 'This case was imported without its images; analyse its files again with more cells.',
  teaching: 'Make the case again with more cells to see the difference.',
  demo: '',
};

/** The open case: its facts and cells, the karyogram overview, and the selected type's pair view. */
export function CaseView() {
  const record = useAppStore((s) => (s.currentCaseId ? s.cases[s.currentCaseId] : undefined));
  const lastRescored = useAppStore((s) => s.lastRescored);
  const selectedType = useAppStore((s) => s.selectedType);
  const selectType = useAppStore((s) => s.selectType);
  const loadedModel = useAppStore((s) => (s.engine.phase === 'ready' ? (s.engine.model?.id ?? null) : null));
  if (!record) return <p className="muted">Drop a case on the left, or pick one from the worklist.</p>;
  const { summary } = record;
  const fewCells = fewCellsText(scoredCellCount(summary));
  const numerical = numericalFindings(summary.types);
  return (
    <article className="case-view" aria-labelledby="case-title">
      <header className="case-header">
        <h2 id="case-title">{summary.name}</h2>
        <p className="muted">
          {summary.karyotype ? `Synthetic ${summary.karyotype} · ` : ''}
          analysed {new Date(summary.analysedAt).toLocaleString()} with model{' '}
          <span data-testid="case-model">{summary.model.id}</span> on {summary.backend}
        </p>
        {numerical.length > 0 ? (
          <p className="numerical-findings" data-testid="numerical-findings">
            <strong>Numerical findings</strong> (copies per cell): {numerical.map(findingText).join(', ')}
          </p>
        ) : null}
        {calibrationText(summary.scoreShift) !== null ? (
          <p className="score-calibration" data-testid="score-calibration">
            <strong>Scores calibrated to this case</strong>: {calibrationText(summary.scoreShift)}.
          </p>
        ) : null}
        <div className="case-actions">
          {summary.hasImages && summary.origin === 'files' ? <AddCells /> : null}
          <ExportButtons record={record} />
        </div>
      </header>
      {loadedModel && summary.hasImages && loadedModel !== summary.model.id ? (
        <p className="notice notice-info" data-testid="other-model">
          Analysed with model {summary.model.id}; the loaded model is {loadedModel}.{' '}
          <button type="button" onClick={() => void rescoreWithCurrentModel()}>
            Re-analyse with {loadedModel}
          </button>
        </p>
      ) : null}
      {lastRescored ? (
        <p role="status" data-testid="rescored">
          Re-analysed: {lastRescored.length > 0 ? lastRescored.join(', ') : 'nothing'}
        </p>
      ) : null}
      {summary.errors.length > 0 ? (
        <details className="errors">
          <summary>{summary.errors.length} problems while reading the case</summary>
          <ul>
            {summary.errors.map((e, i) => (
              <li key={i}>
                {e.file}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.origin === 'teaching' || summary.origin === 'demo' ? (
        <TeachingGuide summary={summary} />
      ) : null}
      {fewCells ? (
        <p className="notice notice-info" data-testid="few-cells">
          {/* One child: .notice lays its children out as columns (message, button). */}
          <span>
            <strong>Few cells</strong>: {fewCells}. {FEW_CELLS_ADVICE[summary.origin]}
          </span>
        </p>
      ) : null}
      <div className="case-top">
        <KaryogramOverview summary={summary} />
        <CellList summary={summary} />
      </div>
      <ArrangedKaryogram key={record.id} summary={summary} />
      <ScreenBoundary
        where="The pair view"
        resetKey={`${record.id}/${selectedType ?? ''}`}
        back={{
          label: 'Close this chromosome',
          onBack: () => {
            selectType(null);
          },
        }}
      >
        <PairView />
      </ScreenBoundary>
    </article>
  );
}
