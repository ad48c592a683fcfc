import { ImageInputError } from '../decode/image-input-error';
import type { CaseInputPlan, InputIssue } from './case-input-plan';
import { classifyCaseInput, type ClassifyOptions } from './classify-case-input';
import { hasZipExtension } from './file-names';
import type { VirtualFile } from './virtual-file';
import { openZipArchive } from './zip-input';
import type { ZipLimits } from './zip-limits';

/** Options of {@link prepareCaseInput}. */
export interface PrepareOptions extends ClassifyOptions {
  /** Limits per archive; unset fields take `DEFAULT_ZIP_LIMITS`. */
  readonly zipLimits?: Partial<ZipLimits>;
}

/**
 * Opens every `.zip` among the inputs (one level deep: archives inside archives are not opened), then
 * classifies all files into cases and cells with {@link classifyCaseInput}. An archive that breaks the
 * zip limits lands in `rejected` with the reason; the other inputs are planned as usual.
 */
export async function prepareCaseInput(
  files: readonly VirtualFile[],
  options: PrepareOptions = {},
): Promise<CaseInputPlan> {
  const plain: VirtualFile[] = [];
  const rejected: InputIssue[] = [];
  for (const file of files) {
    if (!hasZipExtension(file.path)) {
      plain.push(file);
      continue;
    }
    try {
      const opened = await openZipArchive(file, options.zipLimits);
      plain.push(...opened.files);
      rejected.push(...opened.rejected);
    } catch (error) {
      const message =
        error instanceof ImageInputError ? error.detail : `cannot read archive (${String(error)})`;
      rejected.push({ path: file.path, message });
    }
  }
  const plan = classifyCaseInput(plain, options);
  return { ...plan, rejected: [...rejected, ...plan.rejected] };
}
