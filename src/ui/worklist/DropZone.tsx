import { useId, useState } from 'react';
import { analyseFiles } from '../../state/case-actions';
import { readDataTransfer, readFileList } from './read-dropped-files';

/** Where a new case comes in: drop files, a folder or a zip, or pick them. */
export function DropZone() {
  const [over, setOver] = useState(false);
  const filesId = useId();
  const folderId = useId();
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
        <strong>New case:</strong> drop karyograms, a case folder or a .zip here.
      </p>
      <label htmlFor={filesId} className="button-like">
        Pick files…
      </label>
      <input
        id={filesId}
        type="file"
        multiple
        className="visually-hidden"
        data-testid="file-input"
        accept=".png,.jpg,.jpeg,.bmp,.tif,.tiff,.zip"
        onChange={(event) => {
          const files = event.target.files;
          if (files) void readFileList(files).then(analyseFiles);
          event.target.value = '';
        }}
      />
      <label htmlFor={folderId} className="button-like">
        Pick a folder…
      </label>
      <input
        id={folderId}
        type="file"
        className="visually-hidden"
        data-testid="folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(event) => {
          const files = event.target.files;
          if (files) void readFileList(files).then(analyseFiles);
          event.target.value = '';
        }}
      />
    </section>
  );
}
