import type { ChromosomeType } from '../../shared/chromosome-types';
import type { HomologIndex } from './file-names';
import type { VirtualFile } from './virtual-file';

/** One chromosome crop file of a bundle cell. */
export interface CropFile {
  readonly file: VirtualFile;
  readonly type: ChromosomeType;
  readonly homolog: HomologIndex;
}

/** A cell given as one karyogram image (each page of a multi-page TIFF becomes a cell when decoded). */
export interface KaryogramCell {
  readonly kind: 'karyogram';
  /** Unique within the case: the file name without extension (with it, if two files share a stem). */
  readonly id: string;
  readonly file: VirtualFile;
}

/**
 * A cell given as a metaphase image with a Pascal VOC annotation of the same name beside it
 * (`<cell>.jpg` and `<cell>.xml`): a labelled box round each chromosome.
 */
export interface MetaphaseCell {
  readonly kind: 'metaphase';
  /** Unique within the case: the image's file name without extension (with it, if two files share a stem). */
  readonly id: string;
  readonly file: VirtualFile;
  readonly annotation: VirtualFile;
}

/** A cell given as a folder of crops, `<cell>/<type>_<homolog>.<ext>`. */
export interface CropCell {
  readonly kind: 'crops';
  /** The folder name, unique within the case. */
  readonly id: string;
  /** The folder's normalised path. */
  readonly folder: string;
  /** Sorted in karyogram order (1 … 22, X, Y), then by homolog. */
  readonly crops: readonly CropFile[];
  /** How many copies of each type the folder holds (0 for missing types); 2 is a normal pair. */
  readonly copies: Readonly<Record<ChromosomeType, number>>;
  /** Types with no crop at all, in karyogram order (Y is missing in every normal female cell). */
  readonly missingTypes: readonly ChromosomeType[];
}

export type CellPlan = KaryogramCell | MetaphaseCell | CropCell;

/** Every file a planned cell is read from. */
export function cellFiles(cell: CellPlan): VirtualFile[] {
  if (cell.kind === 'karyogram') return [cell.file];
  if (cell.kind === 'metaphase') return [cell.file, cell.annotation];
  return cell.crops.map((crop) => crop.file);
}

/** One patient: the cells found in one case folder. */
export interface CasePlan {
  /** The case folder's name, or its full path when two case folders share a name. */
  readonly id: string;
  /** Normalised path of the case folder; `''` when the input had no enclosing folder. */
  readonly path: string;
  /** Sorted naturally by id (`cell-2` before `cell-10`). */
  readonly cells: readonly CellPlan[];
}

/** A file and what is wrong with it. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** Everything {@link classifyCaseInput} made of a set of input files. */
export interface CaseInputPlan {
  /** Sorted naturally by path. A batch (folder of case folders) yields several. */
  readonly cases: readonly CasePlan[];
  /** Files that were skipped but may matter to a person (stray files, duplicates, odd names). Not fatal. */
  readonly warnings: readonly InputIssue[];
  /** Inputs refused outright (e.g. a zip over the size limits); everything else is still planned. */
  readonly rejected: readonly InputIssue[];
  /** System files skipped silently (`.DS_Store`, `__MACOSX/…`, `Thumbs.db`). */
  readonly ignored: readonly string[];
}
