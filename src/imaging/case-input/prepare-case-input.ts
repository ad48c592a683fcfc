import { ImageInputError } from '../decode/image-input-error';
import type { CaseInputPlan, InputIssue } from './case-input-plan';
import { classifyCaseInput, type ClassifyOptions } from './classify-case-input';
import { hasZipExtension } from './file-names';
import type { VirtualFile } from './virtual-file';
import { openZipArchive } from './zip-input';
import type { ZipLimits } from './zip-limits';

/**
 * Most cells one case is analysed with. A case is one patient's cells: 3–20 in real cases, 1–4 in the
 * data here. Twenty thousand "cells" in one folder is not a case; analysing them all would hold the
 * worker for hours and the page's progress list would not fit in memory.
 */
export const MAX_CELLS_PER_CASE = 200;

/** Options of {@link prepareCaseInput}. */
export interface PrepareOptions extends ClassifyOptions {
  /** Limits per archive; unset fields take `DEFAULT_ZIP_LIMITS`. */
  readonly zipLimits?: Partial<ZipLimits>;
  /** Default {@link MAX_CELLS_PER_CASE}. */
  readonly maxCellsPerCase?: number;
  /**
   * Most cases planned from one input, the first in natural order; the rest are named once in
   * `rejected`. Default: no limit (the CLI's batches); the app sets `MAX_CASES_PER_DROP`.
   */
  readonly maxCases?: number;
}

/**
 * Most cases the app analyses from one drop: its worklist is drawn whole and stays usable up to about
 * this many (the JSON import's limit too). A larger batch is the command line's `analyze`'s work.
 */
export const MAX_CASES_PER_DROP = 2000;

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
  const maxCells = options.maxCellsPerCase ?? MAX_CELLS_PER_CASE;
  const cases = plan.cases.map((planned) => {
    if (planned.cells.length <= maxCells) return planned;
    // The first cells in natural order are kept; the case is named once, with how many were left out.
    rejected.push({
      path: planned.path === '' ? planned.id : planned.path,
      message: `${planned.cells.length.toLocaleString('en')} cells in one case; a case is analysed with at most ${maxCells} (one patient's cells), so the first ${maxCells} were analysed and the other ${(planned.cells.length - maxCells).toLocaleString('en')} left out (split them into case folders)`,
    });
    return { ...planned, cells: planned.cells.slice(0, maxCells) };
  });
  const maxCases = options.maxCases ?? Infinity;
  if (cases.length > maxCases) {
    rejected.push({
      path: files.length === 1 ? (files[0]?.path ?? 'input') : `${files.length.toLocaleString('en')} files`,
      message: `${cases.length.toLocaleString('en')} case folders in one input; at most ${maxCases.toLocaleString('en')} are analysed at once here, so the first ${maxCases.toLocaleString('en')} were and the other ${(cases.length - maxCases).toLocaleString('en')} left out (drop them in parts, or use the command line's analyze, which takes any number)`,
    });
  }
  return { ...plan, cases: cases.slice(0, maxCases), rejected: [...rejected, ...plan.rejected] };
}
