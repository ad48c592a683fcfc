import type { GrayImage } from '../../shared/gray-image';
import { decodeImage } from '../decode/decode-image';
import { normalisePolarity, type PolarityEstimate } from '../decode/polarity';
import type { CaseInputPlan, InputIssue, KaryogramCell } from './case-input-plan';
import { issueFrom, type ReadImagesOptions } from './read-options';

/** One decoded karyogram: a cell. */
export interface DecodedKaryogram {
  readonly caseId: string;
  /** The plan's cell id; for a multi-page TIFF, `<id>#<page>` with pages counted from 1. */
  readonly cellId: string;
  readonly path: string;
  /** 0-based page within the file. */
  readonly pageIndex: number;
  /** 8-bit gray, dark-on-light when polarity normalisation is on. */
  readonly image: GrayImage;
  readonly inverted: boolean;
  readonly polarity: PolarityEstimate;
}

/** Result of {@link readKaryograms}. */
export interface ReadKaryogramsResult {
  /** In plan order: case by case, cell by cell, page by page. */
  readonly karyograms: readonly DecodedKaryogram[];
  /** One entry per file that could not be read, naming it and the reason. */
  readonly errors: readonly InputIssue[];
  /** Files read with a caveat (header repairs). */
  readonly warnings: readonly InputIssue[];
}

/**
 * Reads and decodes every karyogram cell of the plan, one cell per page (a multi-page TIFF yields one
 * cell per page), each turned dark-on-light unless told otherwise. One broken file never stops the
 * rest: its error is collected and the others are decoded. Crop cells are left to `readCrops`.
 */
export async function readKaryograms(
  plan: CaseInputPlan,
  options: ReadImagesOptions = {},
): Promise<ReadKaryogramsResult> {
  const cells = plan.cases.flatMap((plannedCase) =>
    plannedCase.cells
      .filter((cell): cell is KaryogramCell => cell.kind === 'karyogram')
      .map((cell) => ({ caseId: plannedCase.id, cell })),
  );
  const karyograms: DecodedKaryogram[] = [];
  const errors: InputIssue[] = [];
  const warnings: InputIssue[] = [];
  for (const [index, { caseId, cell }] of cells.entries()) {
    options.signal?.throwIfAborted();
    const path = cell.file.path;
    try {
      const pages = decodeImage(
        path,
        await cell.file.bytes(),
        options.limits === undefined ? {} : { limits: options.limits },
      );
      for (const page of pages) {
        if (page.repairs.length > 0)
          warnings.push({ path, message: `header repaired: ${page.repairs.join('; ')}` });
        const normalised = normalisePolarity(page.image);
        const invert = options.normalisePolarity !== false && normalised.inverted;
        karyograms.push({
          caseId,
          cellId: pages.length > 1 ? `${cell.id}#${page.pageIndex + 1}` : cell.id,
          path,
          pageIndex: page.pageIndex,
          image: invert ? normalised.image : page.image,
          inverted: invert,
          polarity: normalised.estimate,
        });
      }
    } catch (error) {
      errors.push(issueFrom(path, error));
    }
    options.onProgress?.(index + 1, cells.length);
  }
  return { karyograms, errors, warnings };
}
