import { useState } from 'react';
import { analyseFiles } from '../../state/case-actions';
import { CASE_FILE_ACCEPT, FilePickerButton } from '../common/FilePickerButton';
import { readDataTransfer, readFileList } from './read-dropped-files';

/** Where a new case comes in: drop files, a folder or a zip, or pick them. */
export function DropZone() {
  const [over, setOver] = useState(false);
  return (
    <section
      className={`drop-zone${over ? ' over' : ''}`}
      aria-label="New case"
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => {
        setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        void readDataTransfer(event.dataTransfer).then(analyseFiles);
      }}
    >
      <p>
        <strong>New case:</strong> drop karyograms, metaphases with their .xml, a case folder or a .zip here.
      </p>
      <FilePickerButton
        label="Pick files…"
        testId="file-input"
        accept={CASE_FILE_ACCEPT}
        multiple
        onFiles={(files) => void readFileList(files).then(analyseFiles)}
      />
      <FilePickerButton
        label="Pick a folder…"
        testId="folder-input"
        directory
        onFiles={(files) => void readFileList(files).then(analyseFiles)}
      />
    </section>
  );
}
