import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import { decodeImage } from '../decode/decode-image';
import { ImageInputError } from '../decode/image-input-error';
import { detectSharedPolarity, invertGray } from '../decode/polarity';
import type { CaseInputPlan, CropCell, InputIssue } from './case-input-plan';
import type { HomologIndex } from './file-names';
import { issueFrom, type ReadImagesOptions } from './read-options';

/** One decoded crop. */
export interface DecodedCrop {
  readonly type: ChromosomeType;
  readonly homolog: HomologIndex;
  readonly path: string;
  /** 8-bit gray, dark-on-light when polarity normalisation is on. */
  readonly image: GrayImage;
}

/** The decoded crops of one crop cell; crops that failed are missing here and listed in `errors`. */
export interface DecodedCropCell {
  readonly caseId: string;
  readonly cellId: string;
  readonly folder: string;
  /** In the plan's order: karyogram order, then homolog. */
  readonly crops: readonly DecodedCrop[];
  /** All crops of this cell were inverted because they read as light-on-dark (Q-band/DAPI). */
  readonly inverted: boolean;
}

/** Result of {@link readCrops}. */
export interface ReadCropsResult {
  readonly cells: readonly DecodedCropCell[];
  /** One entry per crop file that could not be read, naming it and the reason. */
  readonly errors: readonly InputIssue[];
  /** Crops that were read with a caveat (extra TIFF pages ignored, header repairs). */
  readonly warnings: readonly InputIssue[];
}

/** Options of {@link readCrops}. */
export type ReadCropsOptions = ReadImagesOptions;

/**
 * Reads and decodes every crop of every crop cell in the plan. One broken file never stops the rest:
 * its error is collected (naming the file) and the other crops are decoded. Karyogram cells are left to
 * `readKaryograms`.
 */
export async function readCrops(
  plan: CaseInputPlan,
  options: ReadCropsOptions = {},
): Promise<ReadCropsResult> {
  const cropCells = plan.cases.flatMap((plannedCase) =>
    plannedCase.cells
      .filter((cell): cell is CropCell => cell.kind === 'crops')
      .map((cell) => ({ caseId: plannedCase.id, cell })),
  );
  const total = cropCells.reduce((sum, { cell }) => sum + cell.crops.length, 0);
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  const cells: DecodedCropCell[] = [];
  let done = 0;
  for (const { caseId, cell } of cropCells) {
    const crops: DecodedCrop[] = [];
    for (const crop of cell.crops) {
      options.signal?.throwIfAborted();
      const path = crop.file.path;
      try {
        const pages = decodeImage(
          path,
          await crop.file.bytes(),
          options.limits === undefined ? {} : { limits: options.limits },
        );
        const [page] = pages;
        if (page === undefined) throw new ImageInputError(path, 'corrupt', 'file holds no image');
        if (pages.length > 1)
          warnings.push({ path, message: `holds ${pages.length} pages; only the first is used` });
        if (page.repairs.length > 0)
          warnings.push({ path, message: `header repaired: ${page.repairs.join('; ')}` });
        crops.push({ type: crop.type, homolog: crop.homolog, path, image: page.image });
      } catch (error) {
        errors.push(issueFrom(path, error));
      }
      options.onProgress?.(++done, total);
    }
    const inverted =
      options.normalisePolarity !== false &&
      detectSharedPolarity(crops.map((crop) => crop.image)).polarity === 'light-on-dark';
    const finalCrops = inverted ? crops.map((crop) => ({ ...crop, image: invertGray(crop.image) })) : crops;
    cells.push({ caseId, cellId: cell.id, folder: cell.folder, crops: finalCrops, inverted });
  }
  return { cells, errors, warnings };
}
