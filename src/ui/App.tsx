import { useEffect } from 'react';
import { loadWorklist } from '../state/case-actions';
import { backendFromUrl } from '../state/engine-actions';
import { startEngineWithChosenModel } from '../state/model-actions';
import { useAppStore } from '../state/store';
import { CaseView } from './case/CaseView';
import { JobPanel } from './case/JobPanel';
import { EngineStatus } from './EngineStatus';
import { ModelsView } from './finetune/ModelsView';
import { HelpOverlay } from './HelpOverlay';
import { REVIEWER_FIELD_ID } from './common/reviewer-field';
import { useKeyboard } from './keyboard';
import { Notice } from './Notice';
import { TeachingView } from './teaching/TeachingView';
import { Worklist } from './worklist/Worklist';

export function App() {
  const screen = useAppStore((s) => s.screen);
  const reviewer = useAppStore((s) => s.reviewer);
  const setReviewer = useAppStore((s) => s.setReviewer);
  const setShowHelp = useAppStore((s) => s.setShowHelp);
  useKeyboard();
  useEffect(() => {
    void startEngineWithChosenModel(backendFromUrl(window.location.search));
    void loadWorklist();
  }, []);
  return (
    <>
      <header className="app-header">
        <h1>HomNet Review</h1>
        <EngineStatus />
        <label htmlFor={REVIEWER_FIELD_ID}>Reviewer</label>
        <input
          id={REVIEWER_FIELD_ID}
          value={reviewer}
          placeholder="your name"
          onChange={(e) => {
            setReviewer(e.target.value);
          }}
        />
        <button
          type="button"
          aria-label="keyboard shortcuts"
          onClick={() => {
            setShowHelp(true);
          }}
        >
          ?
        </button>
      </header>
      <p className="disclaimer" role="note">
        Research and teaching tool for chromosomal structural abnormalities. It is not a diagnostic device:
        every finding must be confirmed by a qualified cytogeneticist. No image or result leaves this browser.
      </p>
      <div className="layout">
        <Worklist />
        <main>
          <Notice />
          <JobPanel />
          {screen === 'teaching' ? <TeachingView /> : screen === 'models' ? <ModelsView /> : <CaseView />}
        </main>
      </div>
      <HelpOverlay />
    </>
  );
}
