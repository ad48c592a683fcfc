import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import type { DatasetCase } from '../../model/train/dataset';
import { datasetCaseOf } from '../../pipeline/profiles/dataset-case';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import type { FileError } from '../../pipeline/profiles/profiled-case';

/**
 * A folder of cases (karyograms or crop bundles, zips included) through the same pipeline as
 * `analyze`, as training cases. Rejected files are returned, not fatal.
 */
export async function loadCasesThroughPipeline(
  folder: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ cases: DatasetCase[]; errors: FileError[] }> {
  const plan = await prepareCaseInput(await readFolderAsVirtualFiles(folder));
  const errors: FileError[] = plan.rejected.map((r) => ({ file: r.path, message: r.message }));
  const cases: DatasetCase[] = [];
  for (const [i, planned] of plan.cases.entries()) {
    const profiled = await profileCase(planned);
    errors.push(...profiled.errors);
    cases.push(datasetCaseOf(profiled.id, profiled.cells));
    onProgress?.(i + 1, plan.cases.length);
  }
  return { cases, errors };
}
