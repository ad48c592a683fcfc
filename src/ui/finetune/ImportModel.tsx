import { importModelFile } from '../../state/model-actions';
import { MODEL_FILE_SUFFIX } from '../../model/weights/model-file';
import { FilePickerButton } from '../common/FilePickerButton';

/** Reads a model file shared by another workstation of the lab; the worker checks it before storing. */
export function ImportModel() {
  return (
    <p>
      <FilePickerButton
        label="Import model file…"
        testId="import-model"
        accept={`${MODEL_FILE_SUFFIX},.json,application/json`}
        onFiles={(files) => {
          const file = files[0];
          if (file) void file.text().then((text) => importModelFile(file.name, text));
        }}
      />
    </p>
  );
}
