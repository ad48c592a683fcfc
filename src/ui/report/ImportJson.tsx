import { openCase } from '../../state/case-actions';
import { importReviewDocument } from '../../state/report-json';
import { useAppStore } from '../../state/store';
import { FilePickerButton } from '../common/FilePickerButton';

/** Reads an exported JSON report back into the worklist. */
export function ImportJson() {
  return (
    <FilePickerButton
      label="Import JSON…"
      testId="import-json"
      accept=".json,application/json"
      onFiles={(files) => {
        const file = files[0];
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
  );
}
