import { useState } from 'react';
import type { ModelFileReview } from '../../state/model-actions';
import { reviewModelBlob } from '../../state/model-actions';
import { MODEL_FILE_SUFFIX } from '../../model/weights/model-file';
import { FilePickerButton } from '../common/FilePickerButton';
import { ImportReview } from './ImportReview';

/**
 * Reads a model file shared by another workstation of the lab. The worker checks it completely, then the
 * lab sees what it claims and decides; nothing is stored before that.
 */
export function ImportModel() {
  const [review, setReview] = useState<ModelFileReview | null>(null);
  return (
    <div className="import-model">
      <p>
        <FilePickerButton
          label="Import model file…"
          testId="import-model"
          accept={`${MODEL_FILE_SUFFIX},.json,application/json`}
          onFiles={(files) => {
            const file = files[0];
            if (!file) return;
            setReview(null);
            void reviewModelBlob(file).then(setReview);
          }}
        />{' '}
        A model file&apos;s checksum only shows that the file arrived intact, not who made the model: import
        files only from people you trust.
      </p>
      {review ? (
        <ImportReview
          review={review}
          onClose={() => {
            setReview(null);
          }}
        />
      ) : null}
    </div>
  );
}
