import { useId } from 'react';
import { importModelFile } from '../../state/model-actions';
import { MODEL_FILE_SUFFIX } from '../../model/weights/model-file';

/** Reads a model file shared by another workstation of the lab; the worker checks it before storing. */
export function ImportModel() {
  const id = useId();
  return (
    <p>
      <label htmlFor={id} className="button-like">
        Import model file…
      </label>
      <input
        id={id}
        type="file"
        accept={`${MODEL_FILE_SUFFIX},.json,application/json`}
        className="visually-hidden"
        data-testid="import-model"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void file.text().then((text) => importModelFile(file.name, text));
        }}
      />
    </p>
  );
}
