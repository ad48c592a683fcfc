import { CHROMOSOME_TYPES, chromosomeTypeIndex, type ChromosomeType } from '../../shared/chromosome-types';
import type {
  CaseInputPlan,
  CasePlan,
  CellPlan,
  CropCell,
  CropFile,
  InputIssue,
  KaryogramCell,
  MetaphaseCell,
} from './case-input-plan';
import {
  hasAnnotationExtension,
  hasImageExtension,
  hasZipExtension,
  isSystemFile,
  parseCropName,
} from './file-names';
import {
  baseName,
  naturalCompare,
  normaliseInputPath,
  parentPath,
  stripExtension,
  type VirtualFile,
} from './virtual-file';

/** Options of {@link classifyCaseInput}. */
export interface ClassifyOptions {
  /**
   * Case id for files with no enclosing case folder. Defaults to the single top-level name when all
   * input sits under one (the file name for a lone karyogram, as the CLI reports it), else `input`.
   */
  readonly rootName?: string;
}

interface Draft {
  readonly path: string;
  readonly karyograms: VirtualFile[];
  /** Metaphase images with the annotation found beside them. */
  readonly metaphases: { file: VirtualFile; annotation: VirtualFile }[];
  readonly cropFolders: Map<string, CropFile[]>;
}

/**
 * Sorts a set of input files into cases and cells, by their paths alone (no bytes are read):
 * - a folder holding files named `<type>_<homolog>.<ext>` is a crop cell, and its parent folder the case;
 * - an image with a `.xml` of the same name beside it is an annotated metaphase cell;
 * - any other image file is a karyogram cell, and its folder the case;
 * - so a folder of case folders (a batch) yields one case per sub-folder, and a case may mix both kinds.
 * Non-image files, other images inside a crop folder, crop names with an impossible type or copy, and
 * duplicate crops become warnings; system files are skipped silently. Zip files must have been expanded
 * first (see `prepareCaseInput`); any left are warned about.
 */
export function classifyCaseInput(
  files: readonly VirtualFile[],
  options: ClassifyOptions = {},
): CaseInputPlan {
  const warnings: InputIssue[] = [];
  const ignored: string[] = [];
  const images = new Map<string, VirtualFile>();
  /** Annotations by their path without extension, to be paired with the image of the same name. */
  const annotations = new Map<string, VirtualFile>();
  for (const file of files) {
    const path = normaliseInputPath(file.path);
    if (isSystemFile(path)) ignored.push(path);
    else if (images.has(path))
      warnings.push({ path, message: 'the same path appears twice; the second copy is ignored' });
    else if (hasImageExtension(path)) images.set(path, { path, bytes: file.bytes });
    else if (hasAnnotationExtension(path)) annotations.set(stripExtension(path), { path, bytes: file.bytes });
    else if (hasZipExtension(path))
      warnings.push({ path, message: 'archive inside an archive is not opened' });
    else warnings.push({ path, message: 'not an image file (PNG, JPEG, BMP or TIFF); ignored' });
  }
  const cropFolders = new Set(
    [...images.keys()].filter((path) => parseCropName(baseName(path)) !== null).map(parentPath),
  );
  const drafts = new Map<string, Draft>();
  const draftFor = (casePath: string): Draft => {
    let draft = drafts.get(casePath);
    if (draft === undefined) {
      draft = { path: casePath, karyograms: [], metaphases: [], cropFolders: new Map() };
      drafts.set(casePath, draft);
    }
    return draft;
  };
  for (const [path, file] of [...images].sort(([left], [right]) => naturalCompare(left, right))) {
    const folder = parentPath(path);
    if (!cropFolders.has(folder)) {
      const annotation = annotations.get(stripExtension(path));
      if (annotation === undefined) draftFor(folder).karyograms.push(file);
      else {
        draftFor(folder).metaphases.push({ file, annotation });
        annotations.delete(stripExtension(path));
      }
      continue;
    }
    const crop = parseCropName(baseName(path));
    if (crop === null) {
      warnings.push({ path, message: 'image in a crop folder without a <type>_<homolog> name; ignored' });
    } else if (!crop.valid) {
      warnings.push({ path, message: `${crop.problem}; ignored` });
    } else {
      const cell = draftFor(parentPath(folder)).cropFolders;
      const crops = cell.get(folder) ?? [];
      const twin = crops.find((other) => other.type === crop.type && other.homolog === crop.homolog);
      if (twin === undefined) crops.push({ file, type: crop.type, homolog: crop.homolog });
      else warnings.push({ path, message: `duplicate of ${twin.file.path}; ignored` });
      cell.set(folder, crops);
    }
  }
  for (const annotation of annotations.values())
    warnings.push({
      path: annotation.path,
      message: 'annotation without an image of the same name beside it; ignored',
    });
  const rootName = options.rootName ?? soleTopLevelName(images.keys()) ?? 'input';
  const cases = [...drafts.values()]
    .map((draft) => toCasePlan(draft))
    .sort((left, right) => naturalCompare(left.path, right.path));
  return { cases: withUniqueIds(cases, rootName), warnings, rejected: [], ignored };
}

function soleTopLevelName(paths: Iterable<string>): string | undefined {
  const tops = new Set([...paths].map((path) => path.split('/')[0] ?? ''));
  return tops.size === 1 ? [...tops][0] : undefined;
}

function toCasePlan(draft: Draft): CasePlan {
  const cropCells = [...draft.cropFolders].map(([folder, crops]) => toCropCell(folder, crops));
  // An image is named by its stem, unless that clashes with another cell: then by its file name.
  const imageFiles = [...draft.karyograms, ...draft.metaphases.map((m) => m.file)];
  const taken = [
    ...imageFiles.map((file) => stripExtension(baseName(file.path))),
    ...cropCells.map((cell) => cell.id),
  ];
  const idOf = (file: VirtualFile): string => {
    const stem = stripExtension(baseName(file.path));
    return taken.filter((id) => id === stem).length > 1 ? baseName(file.path) : stem;
  };
  const karyograms = draft.karyograms.map((file): KaryogramCell => ({
    kind: 'karyogram',
    id: idOf(file),
    file,
  }));
  const metaphases = draft.metaphases.map(({ file, annotation }): MetaphaseCell => ({
    kind: 'metaphase',
    id: idOf(file),
    file,
    annotation,
  }));
  const cells: CellPlan[] = [...karyograms, ...metaphases, ...cropCells].sort((left, right) =>
    naturalCompare(left.id, right.id),
  );
  return { id: baseName(draft.path), path: draft.path, cells };
}

function toCropCell(folder: string, crops: CropFile[]): CropCell {
  const sorted = [...crops].sort(
    (left, right) =>
      chromosomeTypeIndex(left.type) - chromosomeTypeIndex(right.type) || left.homolog - right.homolog,
  );
  const copies = Object.fromEntries(CHROMOSOME_TYPES.map((type) => [type, 0])) as Record<
    ChromosomeType,
    number
  >;
  for (const crop of sorted) copies[crop.type] += 1;
  const missingTypes = CHROMOSOME_TYPES.filter((type) => copies[type] === 0);
  // Loose crop files, with no folder at all, form one cell called "cell".
  return { kind: 'crops', id: baseName(folder) || 'cell', folder, crops: sorted, copies, missingTypes };
}

/** Case ids are folder names; where two case folders share one, both get their full path instead. */
function withUniqueIds(cases: CasePlan[], rootName: string): CasePlan[] {
  const named = cases.map((plan) => ({ ...plan, id: plan.path === '' ? rootName : plan.id }));
  return named.map((plan) =>
    named.filter((other) => other.id === plan.id).length > 1 && plan.path !== ''
      ? { ...plan, id: plan.path }
      : plan,
  );
}
