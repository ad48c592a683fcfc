import type { ChromosomeType } from '../../shared/chromosome-types';
import { CHROMOSOME_TYPES } from '../../shared/chromosome-types';
import type { BagPrediction } from '../../model/prediction';
import type { HomNetModel } from '../../model/homnet-model';
import type { FileError, ProfiledCase, ProfiledCaseCell } from '../../pipeline/profiles/profiled-case';
import type { TypeVerdict } from '../../pipeline/verdict/score-case';
import { scoreCase } from '../../pipeline/verdict/score-case';
import { calibrateVerdicts } from '../../pipeline/verdict/case-calibration';
import { PROFILE_LENGTH, PROFILE_ROWS } from '../../shared/profile';
import {
  checkArray,
  checkNumber,
  checkObject,
  checkString,
  checkTypedArray,
  ShapeError,
} from '../../shared/shape-check';
import type { CaseOrigin, CaseSummary, InputFile } from '../analysis-api';

/** What the worker keeps of a case (in memory and in IndexedDB `results`): inputs, profiles, verdicts. */
export interface StoredCase {
  readonly id: string;
  readonly name: string;
  readonly origin: CaseOrigin;
  readonly karyotype?: string;
  /** The input files, so that the case can be shown and analysed again after a reload. */
  readonly files: readonly InputFile[];
  /** Jobs that added cells to the case after it was made: a job run again after a crash adds nothing twice. */
  readonly cellJobs?: readonly string[];
  /** Every cell, with the reviewer's corrections applied. */
  profiled: ProfiledCase;
  excluded: readonly string[];
  verdicts: readonly TypeVerdict[];
  /** How far the case calibration lowered every score, log-odds (absent in cases saved before it). */
  scoreShift?: number;
  /** Per scored type: the prediction and, per pair k, the cell it came from. */
  details: Map<ChromosomeType, { prediction: BagPrediction; cells: readonly string[] }>;
  /** Why a type was not scored. */
  typeErrors: Map<ChromosomeType, string>;
  model: CaseSummary['model'];
  /** Profile samples per model region of the model that scored the case (its merge range). */
  regionSamples: number;
  backend: string;
  analysedAt: string;
}

export function activeCells(stored: StoredCase): ProfiledCaseCell[] {
  return stored.profiled.cells.filter((cell) => !stored.excluded.includes(cell.id));
}

/**
 * Scores the given types again (all when `only` is absent) over the cells that are not excluded and
 * merges the result into `stored`. Returns the types whose verdicts were recomputed.
 */
export async function scoreTypes(
  model: HomNetModel,
  backend: string,
  stored: StoredCase,
  only?: readonly ChromosomeType[],
): Promise<ChromosomeType[]> {
  const keep = (type: ChromosomeType): boolean => only === undefined || only.includes(type);
  const subset: ProfiledCase = {
    id: stored.id,
    errors: [],
    cells: activeCells(stored).map((cell) => ({
      ...cell,
      chromosomes: cell.chromosomes.filter((c) => keep(c.type)),
    })),
  };
  const scored = await scoreCase(model, subset);
  const verdicts = new Map(stored.verdicts.filter((v) => !keep(v.type)).map((v) => [v.type, v]));
  for (const type of CHROMOSOME_TYPES.filter(keep)) {
    stored.details.delete(type);
    stored.typeErrors.delete(type);
  }
  for (const verdict of scored.types) verdicts.set(verdict.type, verdict);
  for (const [type, detail] of scored.details) {
    stored.details.set(type, { prediction: detail.prediction, cells: detail.pairs.map((p) => p.cell) });
  }
  for (const error of scored.errors) {
    const match = /^type (\w+): /.exec(error.message);
    const type = CHROMOSOME_TYPES.find((t) => t === match?.[1]);
    if (type) stored.typeErrors.set(type, error.message);
  }
  // The case calibration rests on every type: calibrated again over all of them, from the model's scores.
  const calibrated = calibrateVerdicts(
    CHROMOSOME_TYPES.flatMap((type) => {
      const verdict = verdicts.get(type);
      return verdict ? [verdict] : [];
    }),
    model.info.caseCalibration,
    model.info.threshold,
  );
  stored.verdicts = calibrated.types;
  stored.scoreShift = calibrated.shift;
  stored.model = { id: model.info.id, sha256: model.info.sha256, threshold: model.info.threshold };
  stored.regionSamples = model.architecture.mergeRange;
  stored.backend = backend;
  stored.analysedAt = new Date().toISOString();
  return CHROMOSOME_TYPES.filter(keep).filter(
    (type) => verdicts.has(type) || (only?.includes(type) ?? false),
  );
}

export function summaryOf(stored: StoredCase): CaseSummary {
  const fileErrors: FileError[] = [...stored.profiled.errors];
  const typeErrors = [...stored.typeErrors.values()].map((message) => ({ file: stored.name, message }));
  return {
    id: stored.id,
    name: stored.name,
    origin: stored.origin,
    ...(stored.karyotype === undefined ? {} : { karyotype: stored.karyotype }),
    analysedAt: stored.analysedAt,
    model: stored.model,
    backend: stored.backend,
    cells: stored.profiled.cells.map((cell) => ({
      id: cell.id,
      source: cell.source,
      bandLevel: cell.bandLevel.value,
      bandLevelConfidence: cell.bandLevel.confidence,
      bandLevelOverridden: cell.bandLevel.overridden,
      chromosomes: cell.chromosomes.length,
      excluded: stored.excluded.includes(cell.id),
      warnings: cell.warnings,
      ...(cell.typesAssigned ? { typesAssigned: cell.typesAssigned } : {}),
    })),
    types: stored.verdicts,
    scoreShift: stored.scoreShift ?? 0,
    errors: [...fileErrors, ...typeErrors],
    hasImages: true,
  };
}

function checkChromosome(value: unknown, path: string): void {
  const chromosome = checkObject(value, path);
  checkString(chromosome.type, `${path}.type`);
  checkNumber(chromosome.homolog, `${path}.homolog`);
  checkTypedArray(chromosome.profile, Float32Array, `${path}.profile`, PROFILE_ROWS * PROFILE_LENGTH);
  const image = checkObject(chromosome.straightened, `${path}.straightened`);
  const width = checkNumber(image.width, `${path}.straightened.width`);
  const height = checkNumber(image.height, `${path}.straightened.height`);
  checkTypedArray(image.pixels, Uint8Array, `${path}.straightened.pixels`, width * height);
  if (chromosome.axisPicture !== undefined) checkAxisPicture(chromosome.axisPicture, `${path}.axisPicture`);
  if (chromosome.cutOutDoubt !== undefined) checkString(chromosome.cutOutDoubt, `${path}.cutOutDoubt`);
  if (chromosome.typeDoubt !== undefined) checkString(chromosome.typeDoubt, `${path}.typeDoubt`);
  if (chromosome.manualCentreLine !== undefined)
    checkManualCentreLine(chromosome.manualCentreLine, `${path}.manualCentreLine`);
}

function checkPoints(value: unknown, path: string): void {
  checkArray(value, path, (point, at) => {
    const p = checkObject(point, at);
    checkNumber(p.x, `${at}.x`);
    checkNumber(p.y, `${at}.y`);
  });
}

function checkManualCentreLine(value: unknown, path: string): void {
  const line = checkObject(value, path);
  checkPoints(line.points, `${path}.points`);
  checkArray(line.earlier, `${path}.earlier`, checkPoints);
  checkPoints(checkObject(line.automatic, `${path}.automatic`).axis, `${path}.automatic.axis`);
}

function checkAxisPicture(value: unknown, path: string): void {
  const picture = checkObject(value, path);
  const image = checkObject(picture.image, `${path}.image`);
  const width = checkNumber(image.width, `${path}.image.width`);
  const height = checkNumber(image.height, `${path}.image.height`);
  checkTypedArray(image.pixels, Uint8Array, `${path}.image.pixels`, width * height);
  checkPoints(picture.axis, `${path}.axis`);
  if (picture.recipe !== undefined) {
    const recipe = checkObject(picture.recipe, `${path}.recipe`);
    const mask = checkObject(recipe.mask, `${path}.recipe.mask`);
    checkNumber(mask.width, `${path}.recipe.mask.width`);
    checkNumber(mask.height, `${path}.recipe.mask.height`);
    if (mask.width !== width || mask.height !== height)
      throw new ShapeError(`${path}.recipe.mask`, 'is not the size of its picture');
    checkTypedArray(mask.data, Uint8Array, `${path}.recipe.mask.data`, width * height);
    checkNumber(
      checkObject(recipe.background, `${path}.recipe.background`).level,
      `${path}.recipe.background.level`,
    );
    checkNumber(recipe.width, `${path}.recipe.width`);
    checkNumber(recipe.samplesPerPixel, `${path}.recipe.samplesPerPixel`);
  }
}

function checkCell(value: unknown, path: string): void {
  const cell = checkObject(value, path);
  checkString(cell.id, `${path}.id`);
  checkNumber(checkObject(cell.bandLevel, `${path}.bandLevel`).value, `${path}.bandLevel.value`);
  checkArray(cell.chromosomes, `${path}.chromosomes`, checkChromosome);
  if (cell.typesAssigned !== undefined) {
    const assigned = checkObject(cell.typesAssigned, `${path}.typesAssigned`);
    checkString(assigned.classifier, `${path}.typesAssigned.classifier`);
    checkString(assigned.sex, `${path}.typesAssigned.sex`);
  }
}

/**
 * Checks a case read back from IndexedDB `results` before any view uses it; a damaged entry (wrong
 * shape, truncated arrays) is refused with an error naming the case and the first thing wrong.
 */
export function checkStoredCase(value: unknown, caseId: string): StoredCase {
  try {
    const stored = checkObject(value, 'the entry');
    checkString(stored.id, 'id');
    checkString(stored.name, 'name');
    checkArray(stored.files, 'files', (file, path) => {
      checkTypedArray(checkObject(file, path).bytes, Uint8Array, `${path}.bytes`);
    });
    const profiled = checkObject(stored.profiled, 'profiled');
    checkArray(profiled.cells, 'profiled.cells', checkCell);
    checkArray(profiled.errors, 'profiled.errors');
    checkArray(stored.excluded, 'excluded');
    if (stored.cellJobs !== undefined) checkArray(stored.cellJobs, 'cellJobs', checkString);
    checkArray(stored.verdicts, 'verdicts');
    if (!(stored.details instanceof Map)) throw new ShapeError('details', 'is not a map');
    if (!(stored.typeErrors instanceof Map)) throw new ShapeError('typeErrors', 'is not a map');
    checkObject(stored.model, 'model');
    checkNumber(stored.regionSamples, 'regionSamples');
    return value as StoredCase;
  } catch (error) {
    if (!(error instanceof ShapeError)) throw error;
    throw new Error(
      `the saved results of case ${caseId} are damaged (${error.message}); delete the case and analyse its files again`,
    );
  }
}
