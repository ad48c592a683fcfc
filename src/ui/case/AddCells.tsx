import { useId } from 'react';
import { addCellsToOpenCase } from '../../state/case-actions';
import { readFileList } from '../worklist/read-dropped-files';

/**
 * More cells for the open case (karyograms, crop folders in a zip): analysed in the worker, then every
 * type is scored again over all the case's cells; decisions and corrections stay.
 */
export function AddCells() {
  const inputId = useId();
  return (
    <>
      <label htmlFor={inputId} className="button-like" title="Analyse more cells of this case">
        Add cells…
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        className="visually-hidden"
        data-testid="add-cells-input"
        accept=".png,.jpg,.jpeg,.bmp,.tif,.tiff,.zip"
        onChange={(event) => {
          const files = event.target.files;
          if (files) void readFileList(files).then(addCellsToOpenCase);
          event.target.value = '';
        }}
      />
    </>
  );
}
