import { useRef, useState } from 'react';
import { openCase } from '../../state/case-actions';
import { errorText } from '../../shared/error-text';
import type { ImportProgress } from '../../state/report-json';
import { ImportCancelled, importReviewFile } from '../../state/report-json';
import { useAppStore } from '../../state/store';
import { FilePickerButton } from '../common/FilePickerButton';

const PHASE_TEXT: Record<ImportProgress['phase'], string> = {
  reading: 'reading the file',
  checking: 'checking case',
  storing: 'storing case',
};

/** What the import is doing, in words: "checking case 300 of 2,000". */
function progressText(progress: ImportProgress): string {
  if (progress.phase === 'reading') return PHASE_TEXT.reading;
  return `${PHASE_TEXT[progress.phase]} ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`;
}

/**
 * Reads an exported JSON report back into the worklist: every case is checked before any is stored, with
 * progress and a Cancel that leaves nothing behind. One file at a time.
 */
export function ImportJson() {
  const [running, setRunning] = useState<{ file: string; progress: ImportProgress } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const start = (file: File): void => {
    const abort = new AbortController();
    controller.current = abort;
    const setNotice = useAppStore.getState().setNotice;
    setNotice(null);
    setRunning({ file: file.name, progress: { phase: 'reading', done: 0, total: 0 } });
    void importReviewFile(file, {
      signal: abort.signal,
      onProgress: (progress) => {
        setRunning({ file: file.name, progress });
      },
    })
      .then((records) => {
        const last = records.at(-1);
        if (last) openCase(last.id);
        if (abort.signal.aborted)
          setNotice({
            kind: 'info',
            text: `${file.name}: the import had finished before Cancel; its ${records.length} cases are in the worklist.`,
          });
      })
      .catch((error: unknown) => {
        setNotice({
          kind: error instanceof ImportCancelled ? 'info' : 'error',
          text: `${file.name}: ${errorText(error)}`,
        });
      })
      .finally(() => {
        controller.current = null;
        setRunning(null);
      });
  };
  if (running) {
    return (
      <div className="job" role="status" aria-label="Import progress" data-testid="import-progress">
        <p>
          Importing <strong>{running.file}</strong>: {progressText(running.progress)}
        </p>
        {running.progress.total > 0 ? (
          <progress
            max={running.progress.total}
            value={running.progress.done}
            aria-label={`cases ${running.progress.phase === 'storing' ? 'stored' : 'checked'}`}
          />
        ) : null}
        <button
          type="button"
          onClick={() => {
            controller.current?.abort();
          }}
        >
          Cancel
        </button>
      </div>
    );
  }
  return (
    <FilePickerButton
      label="Import JSON…"
      testId="import-json"
      accept=".json,application/json"
      onFiles={(files) => {
        const file = files[0];
        if (file) start(file);
      }}
    />
  );
}
