import { addCellsToOpenCase } from '../../state/case-actions';
import { CASE_FILE_ACCEPT, FilePickerButton } from '../common/FilePickerButton';
import { readFileList } from '../worklist/read-dropped-files';

/**
 * More cells for the open case (karyograms, crop folders in a zip): analysed in the worker, then every
 * type is scored again over all the case's cells; decisions and corrections stay.
 */
export function AddCells() {
  return (
    <FilePickerButton
      label="Add cells…"
      title="Analyse more cells of this case"
      testId="add-cells-input"
      accept={CASE_FILE_ACCEPT}
      multiple
      onFiles={(files) => void readFileList(files).then(addCellsToOpenCase)}
    />
  );
}
