import { useId } from 'react';
import { openCase } from '../../state/case-actions';
import { importReviewDocument } from '../../state/report-json';
import { useAppStore } from '../../state/store';

/** Reads an exported JSON report back into the worklist. */
export function ImportJson() {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="button-like">
        Import JSON…
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        data-testid="import-json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          void file
            .text()
            .then(importReviewDocument)
            .then((records) => {
              const last = records.at(-1);
              if (last) openCase(last.id);
            })
            .catch((error: unknown) => {
              useAppStore.getState().setNotice({
                kind: 'error',
                text: `${file.name}: ${error instanceof Error ? error.message : String(error)}`,
              });
            });
        }}
      />
    </>
  );
}
