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
import { ScreenBoundary } from './common/ScreenBoundary';
import { useKeyboard } from './keyboard';
import { Notice } from './Notice';
import { TeachingView } from './teaching/TeachingView';
import { Worklist } from './worklist/Worklist';

export function App() {
  const screen = useAppStore((s) => s.screen);
  const reviewer = useAppStore((s) => s.reviewer);
  const setReviewer = useAppStore((s) => s.setReviewer);
  const setShowHelp = useAppStore((s) => s.setShowHelp);
  const currentCaseId = useAppStore((s) => s.currentCaseId);
  const closeCase = useAppStore((s) => s.openCase);
  const setScreen = useAppStore((s) => s.setScreen);
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
        <ScreenBoundary where="The worklist" resetKey="worklist">
          <Worklist />
        </ScreenBoundary>
        <main>
          <Notice />
          <ScreenBoundary where="The analysis progress" resetKey="job">
            <JobPanel />
          </ScreenBoundary>
          {screen === 'case' ? (
            <ScreenBoundary
              where="The case view"
              resetKey={`case/${currentCaseId ?? ''}`}
              back={{
                label: 'Back to the worklist',
                onBack: () => {
                  closeCase(null);
                },
              }}
            >
              <CaseView />
            </ScreenBoundary>
          ) : (
            <ScreenBoundary
              where={screen === 'teaching' ? 'Teaching mode' : 'The models screen'}
              resetKey={screen}
              back={{
                label: 'Back to the cases',
                onBack: () => {
                  setScreen('case');
                },
              }}
            >
              {screen === 'teaching' ? <TeachingView /> : <ModelsView />}
            </ScreenBoundary>
          )}
        </main>
      </div>
      <HelpOverlay />
    </>
  );
}
