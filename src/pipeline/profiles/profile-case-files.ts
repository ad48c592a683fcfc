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
import { decodeImage } from '../../imaging/decode/decode-image';
import { ImageInputError } from '../../imaging/decode/image-input-error';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { KaryogramRejectedError } from '../../imaging/layout/karyogram-rejected-error';
import { analyseKaryogram, type AnalysisStage } from '../../imaging/profile/analyse-karyogram';
import { analyseAnnotatedMetaphase } from '../../imaging/metaphase/analyse-annotated-metaphase';
import { AnnotationError, parseVocAnnotation } from '../../imaging/metaphase/voc-annotation';
import { relativeChromatidDisagreement } from '../../imaging/profile/chromatid-agreement';
import type { CaseChromosome, FileError, ProfiledCase, ProfiledCaseCell } from './profiled-case';

/** A cell's chromosomes with their chromatid disagreement measured against each other. */
export function withChromatidDisagreement(chromosomes: readonly CaseChromosome[]): CaseChromosome[] {
  const disagreement = relativeChromatidDisagreement(chromosomes);
  return chromosomes.map((c, i) => ({ ...c, chromatidDisagreement: disagreement[i] ?? 1 }));
}

export interface ProfileCaseOptions {
  readonly signal?: AbortSignal;
  /** Called after each cell with cells done and cells in all. */
  readonly onProgress?: (done: number, total: number, cellId: string) => void;
  /** Called within a karyogram cell as imaging moves through its stages (fraction of the cell, [0, 1]). */
  readonly onStage?: (cellId: string, stage: AnalysisStage, fraction: number) => void;
  /** The user's band level per cell id, replacing the estimate. */
  readonly bandLevels?: Readonly<Record<string, BandLevel>>;
}

function messageOf(error: unknown): string {
  if (error instanceof ImageInputError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

async function karyogramCells(
  cell: KaryogramCell,
  options: ProfileCaseOptions,
  errors: FileError[],
): Promise<ProfiledCaseCell[]> {
  const path = cell.file.path;
  let pages;
  try {
    pages = decodeImage(path, await cell.file.bytes());
  } catch (error) {
    errors.push({ file: path, message: messageOf(error) });
    return [];
  }
  const cells: ProfiledCaseCell[] = [];
  for (const page of pages) {
    // Each page of a multi-page TIFF is a cell of its own.
    const id = pages.length > 1 ? `${cell.id}#${page.pageIndex + 1}` : cell.id;
    try {
      const { image, inverted } = normalisePolarity(page.image);
      const override = options.bandLevels?.[id];
      const analysis = await analyseKaryogram(image, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(override !== undefined ? { bandLevel: override } : {}),
        ...(options.onStage
          ? { onProgress: (stage: AnalysisStage, fraction: number) => options.onStage?.(id, stage, fraction) }
          : {}),
      });
      cells.push({
        id,
        source: path,
        bandLevel: analysis.bandLevel,
        chromosomes: withChromatidDisagreement(
          analysis.chromosomes.map((c) => ({
            type: c.type,
            homolog: c.homolog,
            profile: c.profile,
            samples: c.samples,
            straightened: c.straightened,
            confidence: c.confidence,
            axisCoverage: c.axisCoverage,
            axisPicture: c.axisPicture,
            box: c.box,
          })),
        ),
        warnings: [
          ...(inverted ? ['light-on-dark image (Q-band/DAPI) inverted'] : []),
          ...page.repairs,
          ...analysis.warnings,
        ],
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const known = error instanceof KaryogramRejectedError || error instanceof ImageInputError;
      errors.push({
        file: pages.length > 1 ? `${path} (page ${page.pageIndex + 1})` : path,
        message: known ? messageOf(error) : `analysis failed: ${messageOf(error)}`,
      });
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
  errors: FileError[],
): Promise<ProfiledCaseCell | null> {
  const path = cell.file.path;
  try {
    const pages = decodeImage(path, await cell.file.bytes());
    const page = pages[0];
    if (page === undefined || pages.length > 1)
      throw new ImageInputError(
        path,
        'unsupported',
        'an annotated metaphase must be a single image, not a multi-page file',
      );
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
      warnings: [
        ...(inverted ? ['light-on-dark image (Q-band/DAPI) inverted'] : []),
        ...page.repairs,
        ...analysis.warnings,
      ],
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
  const plan: CaseInputPlan = { cases: [plannedCase], warnings: [], rejected: [], ignored: [] };
  const crops = await readCrops(plan, options.signal ? { signal: options.signal } : {});
  errors.push(...crops.errors.map((e) => ({ file: e.path, message: e.message })));
  let done = 0;
  for (const cell of plannedCase.cells) {
    options.signal?.throwIfAborted();
    if (cell.kind === 'karyogram') {
      cells.push(...(await karyogramCells(cell, options, errors)));
    } else if (cell.kind === 'metaphase') {
      const profiled = await metaphaseCell(cell, options, errors);
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
