import { useId } from 'react';

/** File types a case can come in: karyogram images, metaphase images with their VOC .xml, zipped crop bundles. */
export const CASE_FILE_ACCEPT = '.png,.jpg,.jpeg,.bmp,.tif,.tiff,.xml,.zip';

/**
 * A button that opens the file (or folder) picker: a label styled as a button over a hidden input, so
 * that the picker opens from the keyboard too. The input is cleared after each pick, so the same file
 * picked again is read again.
 */
export function FilePickerButton({
  label,
  testId,
  onFiles,
  accept,
  multiple = false,
  directory = false,
  title,
}: {
  label: string;
  testId: string;
  onFiles: (files: FileList) => void;
  accept?: string;
  multiple?: boolean;
  /** Picks a whole folder (with the paths of its files below the folder's name). */
  directory?: boolean;
  title?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="button-like" {...(title === undefined ? {} : { title })}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple={multiple}
        className="visually-hidden"
        data-testid={testId}
        {...(accept === undefined ? {} : { accept })}
        {...(directory ? { webkitdirectory: '' } : {})}
        onChange={(event) => {
          const files = event.target.files;
          if (files && files.length > 0) onFiles(files);
          event.target.value = '';
        }}
      />
    </>
  );
}
