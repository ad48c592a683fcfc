import type { BandLevel } from '../../shared/chromosome-types';
import type {
  CasePlan,
  CaseInputPlan,
  KaryogramCell,
  MetaphaseCell,
} from '../../imaging/case-input/case-input-plan';
import { readCrops } from '../../imaging/case-input/read-crops';
import {
  orientationWarning,
  profileCropCell,
  straighteningWarning,
  type TypedChromosomeImage,
} from '../../imaging/profile/profile-crop-cell';
import { openImage } from '../../imaging/decode/decode-image';
import { ANALYSIS_MAX_PIXELS, fitAnalysisBudget } from '../../imaging/profile/analysis-budget';
import { CasePixelBudget } from './case-pixel-budget';
import { ImageInputError } from '../../imaging/decode/image-input-error';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { KaryogramRejectedError } from '../../imaging/layout/karyogram-rejected-error';
import { analyseKaryogram, type AnalysisStage } from '../../imaging/profile/analyse-karyogram';
import { analyseAnnotatedMetaphase } from '../../imaging/metaphase/analyse-annotated-metaphase';
import { AnnotationError, parseVocAnnotation } from '../../imaging/metaphase/voc-annotation';
import type { FileError, ProfiledCase, ProfiledCaseCell } from './profiled-case';
import { karyogramChromosomes, withChromatidDisagreement } from './case-chromosomes';
import {
  MetaphaseRejectedError,
  arrangedMetaphaseCell,
  type TypeClassifier,
} from './arranged-metaphase-cell';

/** The warning of a light-on-dark image turned dark-on-light before analysis. */
const INVERTED_NOTE = 'light-on-dark image (Q-band/DAPI) inverted';

export interface ProfileCaseOptions {
  readonly signal?: AbortSignal;
  /** Called after each cell with cells done and cells in all. */
  readonly onProgress?: (done: number, total: number, cellId: string) => void;
  /** Called within a karyogram cell as imaging moves through its stages (fraction of the cell, [0, 1]). */
  readonly onStage?: (cellId: string, stage: AnalysisStage, fraction: number) => void;
  /** The user's band level per cell id, replacing the estimate. */
  readonly bandLevels?: Readonly<Record<string, BandLevel>>;
  /**
   * Arranges an image that is a metaphase spread rather than a karyogram (no annotation beside it):
   * its chromosomes found, typed and paired by this classifier. Without one, such an image is refused.
   */
  readonly typeClassifier?: TypeClassifier;
  /**
   * Pixels the case may still decode, shared by calls that profile one case cell by cell; a new budget
   * of {@link CasePixelBudget} when absent.
   */
  readonly pixelBudget?: CasePixelBudget;
}

function messageOf(error: unknown): string {
  if (error instanceof ImageInputError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function karyogramCells(
  cell: KaryogramCell,
  options: ProfileCaseOptions,
  budget: CasePixelBudget,
  errors: FileError[],
): Promise<ProfiledCaseCell[]> {
  const path = cell.file.path;
  let opened;
  try {
    opened = openImage(path, await cell.file.bytes());
  } catch (error) {
    errors.push({ file: path, message: messageOf(error) });
    return [];
  }
  const cells: ProfiledCaseCell[] = [];
  const multiPage = opened.pageCount > 1;
  // Page by page: one decoded page in memory at a time, however many pages the file has.
  for (let pageIndex = 0; pageIndex < opened.pageCount; pageIndex++) {
    options.signal?.throwIfAborted();
    // Each page of a multi-page TIFF is a cell of its own.
    const id = multiPage ? `${cell.id}#${pageIndex + 1}` : cell.id;
    const where = multiPage ? `${path} (page ${pageIndex + 1})` : path;
    try {
      const page = opened.decodePage(pageIndex);
      budget.spend(where, page.image.width * page.image.height);
      const fitted = fitAnalysisBudget(page.image);
      const { image, inverted } = normalisePolarity(fitted.image);
      const override = options.bandLevels?.[id];
      let analysis;
      try {
        analysis = await analyseKaryogram(image, {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(override !== undefined ? { bandLevel: override } : {}),
          ...(options.onStage
            ? {
                onProgress: (stage: AnalysisStage, fraction: number) =>
                  options.onStage?.(id, stage, fraction),
              }
            : {}),
        });
      } catch (error) {
        // Not a karyogram but a metaphase spread: with a type classifier, it is arranged instead.
        const { typeClassifier } = options;
        if (!(
          error instanceof KaryogramRejectedError &&
          error.reason === 'no-row-structure' &&
          typeClassifier
        ))
          throw error;
        const arranged = await arrangedMetaphaseCell(id, path, image, typeClassifier, {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(override !== undefined ? { bandLevel: override } : {}),
        });
        cells.push({
          ...arranged,
          warnings: [
            ...(fitted.note === null ? [] : [fitted.note]),
            ...(inverted ? [INVERTED_NOTE] : []),
            ...page.repairs,
            ...arranged.warnings,
          ],
        });
        continue;
      }
      cells.push({
        id,
        source: path,
        bandLevel: analysis.bandLevel,
        chromosomes: karyogramChromosomes(analysis.chromosomes),
        warnings: [
          ...(fitted.note === null ? [] : [fitted.note]),
          ...(inverted ? [INVERTED_NOTE] : []),
          ...page.repairs,
          ...analysis.warnings,
        ],
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const known =
        error instanceof KaryogramRejectedError ||
        error instanceof ImageInputError ||
        error instanceof MetaphaseRejectedError;
      errors.push({
        file: where,
        message: known ? messageOf(error) : `analysis failed: ${messageOf(error)}`,
      });
      // A page that broke the file's own rules (or the case's pixel budget) ends the file: later pages
      // of a file that lies are no more trustworthy, and a spent budget stays spent.
      if (error instanceof ImageInputError) break;
    }
  }
  return cells;
}

/**
 * One annotated metaphase cell: its image decoded and its boxes read, each box's chromosome cut out and
 * profiled. A broken image or annotation is recorded in `errors` (naming the file) and yields no cell.
 */
async function metaphaseCell(
  cell: MetaphaseCell,
  options: ProfileCaseOptions,
  budget: CasePixelBudget,
  errors: FileError[],
): Promise<ProfiledCaseCell | null> {
  const path = cell.file.path;
  try {
    const opened = openImage(path, await cell.file.bytes());
    if (opened.pageCount > 1)
      throw new ImageInputError(
        path,
        'unsupported',
        'an annotated metaphase must be a single image, not a multi-page file',
      );
    const page = opened.decodePage(0);
    budget.spend(path, page.image.width * page.image.height);
    if (page.image.width * page.image.height > ANALYSIS_MAX_PIXELS) {
      // Its boxes are in the image's own pixels: a reduced copy would need its annotation reduced too.
      throw new ImageInputError(
        path,
        'too-large',
        `a metaphase of ${page.image.width} × ${page.image.height} px is above the ${ANALYSIS_MAX_PIXELS / 1_000_000} Mpx analysed; reduce the image and its annotation's boxes together`,
      );
    }
    const { image, inverted } = normalisePolarity(page.image);
    let annotation;
    try {
      annotation = parseVocAnnotation(await cell.annotation.bytes(), image);
    } catch (error) {
      if (!(error instanceof AnnotationError)) throw error;
      errors.push({ file: cell.annotation.path, message: error.message });
      return null;
    }
    const override = options.bandLevels?.[cell.id];
    const analysis = analyseAnnotatedMetaphase(image, annotation, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(override !== undefined ? { bandLevel: override } : {}),
    });
    return {
      id: cell.id,
      source: path,
      bandLevel: analysis.bandLevel,
      // A box names its type: the assignment is the annotator's, not a guess.
      chromosomes: withChromatidDisagreement(analysis.chromosomes.map((c) => ({ ...c, confidence: 1 }))),
      warnings: [...(inverted ? [INVERTED_NOTE] : []), ...page.repairs, ...analysis.warnings],
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const known = error instanceof ImageInputError;
    errors.push({ file: path, message: known ? messageOf(error) : `analysis failed: ${messageOf(error)}` });
    return null;
  }
}

/**
 * One cell of crops (typed, upright) through the crop path to what the model and the review screen read,
 * with the cell's warnings (p-ter read from the banding, doubtful straightening).
 */
export function caseCellFromCrops(
  id: string,
  source: string,
  crops: readonly TypedChromosomeImage[],
  bandLevelOverride?: BandLevel,
): ProfiledCaseCell {
  const profiled = profileCropCell(crops, bandLevelOverride);
  const orientation = orientationWarning(profiled);
  const straightening = straighteningWarning(profiled);
  return {
    id,
    source,
    bandLevel: profiled.bandLevel,
    chromosomes: withChromatidDisagreement(profiled.chromosomes.map((c) => ({ ...c, confidence: 1 }))),
    warnings: [
      ...(orientation === null ? [] : [orientation]),
      ...(straightening === null ? [] : [straightening]),
    ],
  };
}

/**
 * Imaging for one case of a plan: every karyogram cell through layout parsing, every annotated metaphase
 * through its boxes, every crop cell through the crop path, all to profiles at one scale per cell. A broken file is recorded in `errors` and the
 * rest of the case goes on.
 */
export async function profileCase(
  plannedCase: CasePlan,
  options: ProfileCaseOptions = {},
): Promise<ProfiledCase> {
  const errors: FileError[] = [];
  const cells: ProfiledCaseCell[] = [];
  const budget = options.pixelBudget ?? new CasePixelBudget();
  const plan: CaseInputPlan = { cases: [plannedCase], warnings: [], rejected: [], ignored: [] };
  const crops = await readCrops(plan, options.signal ? { signal: options.signal } : {});
  errors.push(...crops.errors.map((e) => ({ file: e.path, message: e.message })));
  let done = 0;
  for (const cell of plannedCase.cells) {
    options.signal?.throwIfAborted();
    if (cell.kind === 'karyogram') {
      cells.push(...(await karyogramCells(cell, options, budget, errors)));
    } else if (cell.kind === 'metaphase') {
      const profiled = await metaphaseCell(cell, options, budget, errors);
      if (profiled !== null) cells.push(profiled);
    } else {
      const decoded = crops.cells.find((c) => c.cellId === cell.id);
      if (decoded && decoded.crops.length > 0) {
        try {
          const profiled = caseCellFromCrops(
            cell.id,
            cell.folder,
            decoded.crops.map((c) => ({ type: c.type, homolog: c.homolog, image: c.image, source: c.path })),
            options.bandLevels?.[cell.id],
          );
          cells.push(
            decoded.inverted
              ? {
                  ...profiled,
                  warnings: ['light-on-dark crops (Q-band/DAPI) inverted', ...profiled.warnings],
                }
              : profiled,
          );
        } catch (error) {
          errors.push({ file: cell.folder, message: `analysis failed: ${messageOf(error)}` });
        }
      }
    }
    options.onProgress?.(++done, plannedCase.cells.length, cell.id);
  }
  return { id: plannedCase.id, cells, errors };
}
