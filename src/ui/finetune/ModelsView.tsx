import { useEffect } from 'react';
import { refreshLabModels } from '../../state/model-actions';
import { useAppStore } from '../../state/store';
import { NoticeBox } from '../Notice';
import { FineTunePanel } from './FineTunePanel';
import { ModelList } from './ModelList';

/** The models screen: which model analyses, the lab's own models, and fine-tuning. */
export function ModelsView() {
  const notice = useAppStore((s) => s.modelsNotice);
  const setNotice = useAppStore((s) => s.setModelsNotice);
  const setScreen = useAppStore((s) => s.setScreen);
  useEffect(() => {
    void refreshLabModels().catch(() => undefined);
  }, []);
  return (
    <article className="models-view" aria-labelledby="models-view-title">
      <header className="case-header">
        <h2 id="models-view-title">Models and fine-tuning</h2>
        <button
          type="button"
          onClick={() => {
            setScreen('case');
          }}
        >
          Back to the case
        </button>
      </header>
      {notice ? (
        <NoticeBox
          notice={notice}
          testId="models-notice"
          onDismiss={() => {
            setNotice(null);
          }}
        />
      ) : null}
      <ModelList />
      <FineTunePanel />
    </article>
  );
}
