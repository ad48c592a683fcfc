import type { DifferenceRegion } from '../pipeline/verdict/difference-region';
import type { TypeVerdict } from '../pipeline/verdict/score-case';
import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import { BAND_LEVELS, CHROMOSOME_TYPES, isBandLevel, isChromosomeType } from '../shared/chromosome-types';
import type { Checked } from '../shared/shape-check';
import {
  checkArray,
  checkNonEmptyString,
  checkObject,
  checkPresent,
  checkString,
  isObject,
  ShapeError,
} from '../shared/shape-check';
import type { CaseRecord, CorrectionEntry, Decision, DecisionValue } from './review-types';
import { DECISIONS } from './review-types';

/**
 * Largest JSON file the app reads: the whole text and its parsed form sit in the page at once (about
 * 4–6 times the file in memory), so 64 MB stays well under the tab's 1.5 GB budget. A report of the
 * most cases allowed, each of many cells, is far smaller (about 8 KB per case of five cells).
 */
export const MAX_IMPORT_BYTES = 64 * 1024 ** 2;

/**
 * Most cases one file may add: every case joins the worklist, which lists them all, and the page keeps
 * every record in memory. A lab's yearly batch is a few hundred to a few thousand cases: split a larger
 * export into several files.
 */
export const MAX_IMPORT_CASES = 2_000;

/** Most cells in one imported case (a real case has 5–50); the case screens draw a column per cell. */
export const MAX_IMPORT_CELLS = 1_000;

/** Most chromosomes of one type in one cell: the numerical findings spell out each copy. */
const MAX_COPIES = 100;

/** Most chromosomes in one cell (a karyogram holds about 46; the analysis refuses far more objects). */
const MAX_CHROMOSOMES = 1_000;

/**
 * Most problems or decisions in one case: a real case has one problem per unreadable file or unscored
 * type and a few decisions per type, and the case screen lists them all.
 */
const MAX_LIST = 10_000;

/** One cell of an imported case, every field the case screens read. */
export interface ImportedCell {
  readonly id: string;
  readonly source: string;
  readonly chromosomes: number;
  readonly bandLevel: BandLevel;
  readonly bandLevelConfidence: number;
}

/** One checked case of a `homnet-review/analysis@1` document, built afresh (no key of the file is copied). */
export interface ImportedCase {
  readonly name: string;
  readonly cells: readonly ImportedCell[];
  readonly types: readonly TypeVerdict[];
  readonly errors: readonly { readonly file: string; readonly message: string }[];
  /** The model threshold the export recorded, or null when the file has none. */
  readonly threshold: number | null;
  readonly exportedAt: string | null;
  readonly decisions: readonly Decision[];
  /** The export's corrections, for the audit trail (empty when it has none). */
  readonly corrections: readonly CorrectionEntry[];
}

/** The document around its cases: checked at once, before any case is looked at. */
export interface ImportedHead {
  readonly model: { readonly id: string; readonly sha256: string };
  readonly backend: string;
  /** The cases still unchecked: each goes through {@link checkImportedCase}. */
  readonly cases: readonly unknown[];
}

/** A number that is finite and within [min, max] (NaN, Infinity and text are refused). */
function checkFinite(value: unknown, path: string, min: number, max: number): number {
  if (typeof checkPresent(value, path) !== 'number' || !Number.isFinite(value))
    throw new ShapeError(path, 'is not a number');
  const number = value as number;
  if (number < min || number > max) throw new ShapeError(path, `is ${number}, not between ${min} and ${max}`);
  return number;
}

function checkWhole(value: unknown, path: string, max: number): number {
  const number = checkFinite(value, path, 0, max);
  if (!Number.isInteger(number)) throw new ShapeError(path, `is ${number}, not a whole number`);
  return number;
}

function checkBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ShapeError(path, 'is not true or false');
  return value;
}

/** An ISO date as the app writes them: text that Date reads (the screens show it as a date). */
function checkDate(value: unknown, path: string): string {
  const text = checkString(checkPresent(value, path), path);
  if (Number.isNaN(Date.parse(text))) throw new ShapeError(path, 'is not a date');
  return text;
}

function checkType(value: unknown, path: string): ChromosomeType {
  const text = checkString(checkPresent(value, path), path);
  if (!isChromosomeType(text)) throw new ShapeError(path, `"${text}" is not a chromosome type (1–22, X, Y)`);
  return text;
}

/** A list of at most `max` items, each checked by `item` (given its path): built afresh. */
function listOf<T>(
  value: unknown,
  path: string,
  max: number,
  item: (value: unknown, path: string) => T,
): T[] {
  const list = checkArray(checkPresent(value, path), path);
  if (list.length > max) throw new ShapeError(path, `holds ${list.length} items, at most ${max} allowed`);
  return list.map((entry, i) => item(entry, `${path}[${i}]`));
}

function checkCell(value: unknown, path: string): ImportedCell {
  const cell = checkObject(checkPresent(value, path), path);
  const bandLevel = checkFinite(cell.bandLevel, `${path}.bandLevel`, 0, Number.MAX_SAFE_INTEGER);
  if (!isBandLevel(bandLevel))
    throw new ShapeError(`${path}.bandLevel`, `is ${bandLevel}, not one of ${BAND_LEVELS.join(', ')}`);
  return {
    id: checkNonEmptyString(cell.id, `${path}.id`),
    source: checkString(checkPresent(cell.source, `${path}.source`), `${path}.source`),
    chromosomes: checkWhole(cell.chromosomes, `${path}.chromosomes`, MAX_CHROMOSOMES),
    bandLevel,
    // formats.md's example leaves it out (the app and the CLI write it): unknown reads as 0 %, not a guess.
    bandLevelConfidence:
      cell.bandLevelConfidence === undefined
        ? 0
        : checkFinite(cell.bandLevelConfidence, `${path}.bandLevelConfidence`, 0, 1),
  };
}

function checkRegion(value: unknown, path: string): DifferenceRegion | null {
  if (value === undefined || value === null) return null;
  const region = checkObject(value, path);
  const from = checkFinite(region.from, `${path}.from`, 0, 1);
  const to = checkFinite(region.to, `${path}.to`, 0, 1);
  if (to < from) throw new ShapeError(`${path}.to`, `is ${to}, before from (${from})`);
  return { from, to, bands: checkString(checkPresent(region.bands, `${path}.bands`), `${path}.bands`) };
}

function checkVerdict(value: unknown, path: string, cellIds: ReadonlySet<string>): TypeVerdict {
  const verdict = checkObject(checkPresent(value, path), path);
  const type = checkType(verdict.type, `${path}.type`);
  const copies = listOf(verdict.copies, `${path}.copies`, MAX_IMPORT_CELLS, (v, p) =>
    checkWhole(v, p, MAX_COPIES),
  );
  // copies[k] is cell k's count (formats.md): one per cell, or the screens mix up cells.
  if (copies.length !== cellIds.size)
    throw new ShapeError(`${path}.copies`, `holds ${copies.length} counts for ${cellIds.size} cells`);
  const score = verdict.score === null ? null : checkFinite(verdict.score, `${path}.score`, 0, 1);
  const abnormal =
    verdict.abnormal === null
      ? null
      : checkBoolean(checkPresent(verdict.abnormal, `${path}.abnormal`), `${path}.abnormal`);
  const unreliable =
    verdict.unreliable === undefined || verdict.unreliable === null
      ? null
      : checkString(verdict.unreliable, `${path}.unreliable`);
  const pairs = listOf(verdict.pairs, `${path}.pairs`, MAX_IMPORT_CELLS, (v, p) => {
    const pair = checkObject(checkPresent(v, p), p);
    const cell = checkString(checkPresent(pair.cell, `${p}.cell`), `${p}.cell`);
    if (!cellIds.has(cell)) throw new ShapeError(`${p}.cell`, `"${cell}" is not one of the case's cells`);
    return { cell, alpha: checkFinite(pair.alpha, `${p}.alpha`, 0, 1) };
  });
  return {
    type,
    copies,
    score,
    abnormal,
    unreliable,
    pairs,
    region: checkRegion(verdict.region, `${path}.region`),
  };
}

function checkDecision(value: unknown, path: string): Decision {
  const decision = checkObject(checkPresent(value, path), path);
  const kind = decision.decision;
  if (!(DECISIONS as readonly unknown[]).includes(kind))
    throw new ShapeError(`${path}.decision`, `is not one of ${DECISIONS.join(', ')}`);
  const text = (key: 'note' | 'reviewer' | 'modelId'): string =>
    checkString(checkPresent(decision[key], `${path}.${key}`), `${path}.${key}`);
  return {
    type: checkType(decision.type, `${path}.type`),
    decision: kind as DecisionValue,
    note: text('note'),
    reviewer: text('reviewer'),
    modelId: text('modelId'),
    at: checkDate(decision.at, `${path}.at`),
  };
}

/**
 * A correction of the export's audit trail, for showing: what was done, by whom, when and to which types.
 * The correction itself (a centre line's points) is left behind: an imported case has no images to apply
 * it to.
 */
function checkCorrectionEntry(value: unknown, path: string): CorrectionEntry {
  const entry = checkObject(checkPresent(value, path), path);
  const text = (key: 'text' | 'reviewer' | 'modelId'): string =>
    checkString(checkPresent(entry[key], `${path}.${key}`), `${path}.${key}`);
  return {
    types: listOf(entry.types, `${path}.types`, CHROMOSOME_TYPES.length, checkType),
    text: text('text'),
    reviewer: text('reviewer'),
    modelId: text('modelId'),
    at: checkDate(entry.at, `${path}.at`),
  };
}

/** A case's review part (an app export has one; a CLI report has none). */
function checkReview(
  value: unknown,
  path: string,
): Pick<ImportedCase, 'threshold' | 'exportedAt' | 'decisions' | 'corrections'> {
  if (value === undefined || value === null)
    return { threshold: null, exportedAt: null, decisions: [], corrections: [] };
  const review: Checked = checkObject(value, path);
  return {
    threshold:
      review.threshold === undefined ? null : checkFinite(review.threshold, `${path}.threshold`, 0, 1),
    exportedAt: review.exportedAt === undefined ? null : checkDate(review.exportedAt, `${path}.exportedAt`),
    decisions:
      review.decisions === undefined
        ? []
        : listOf(review.decisions, `${path}.decisions`, MAX_LIST, checkDecision),
    corrections:
      review.corrections === undefined
        ? []
        : listOf(review.corrections, `${path}.corrections`, MAX_LIST, checkCorrectionEntry),
  };
}

/**
 * Checks case `index` of a document: every field the worklist, case and pair screens read, with its
 * kind and range. Throws a ShapeError naming the first thing wrong (`cases[1].cells is missing`).
 * Fields it does not know are left behind, so `__proto__` or any other key of the file reaches nothing.
 */
export function checkImportedCase(value: unknown, index: number): ImportedCase {
  const path = `cases[${index}]`;
  const entry = checkObject(checkPresent(value, path), path);
  const name = checkString(checkPresent(entry.case, `${path}.case`), `${path}.case`);
  const cells = listOf(entry.cells, `${path}.cells`, MAX_IMPORT_CELLS, checkCell);
  const cellIds = new Set<string>();
  cells.forEach((cell, i) => {
    if (cellIds.has(cell.id)) throw new ShapeError(`${path}.cells[${i}].id`, `"${cell.id}" appears twice`);
    cellIds.add(cell.id);
  });
  const types = listOf(entry.types, `${path}.types`, CHROMOSOME_TYPES.length, (v, p) =>
    checkVerdict(v, p, cellIds),
  );
  const seen = new Set<ChromosomeType>();
  types.forEach((verdict, i) => {
    if (seen.has(verdict.type))
      throw new ShapeError(`${path}.types[${i}].type`, `"${verdict.type}" appears twice`);
    seen.add(verdict.type);
  });
  const errors = listOf(entry.errors, `${path}.errors`, MAX_LIST, (v, p) => {
    const error = checkObject(checkPresent(v, p), p);
    return {
      file: checkString(checkPresent(error.file, `${p}.file`), `${p}.file`),
      message: checkString(checkPresent(error.message, `${p}.message`), `${p}.message`),
    };
  });
  return { name, cells, types, errors, ...checkReview(entry.review, `${path}.review`) };
}

/**
 * Checks the document around its cases: the schema, the model, the backend and that `cases` is a list of
 * at most {@link MAX_IMPORT_CASES}. Cheap, so that a file refused for its size or kind is refused at once.
 */
export function checkDocumentHead(parsed: unknown): ImportedHead {
  if (!isObject(parsed) || parsed.schema !== 'homnet-review/analysis@1')
    throw new Error('not a homnet-review/analysis@1 document');
  const model = checkObject(checkPresent(parsed.model, 'model'), 'model');
  const cases = checkArray(checkPresent(parsed.cases, 'cases'), 'cases');
  if (cases.length > MAX_IMPORT_CASES)
    throw new Error(
      `holds ${cases.length.toLocaleString('en')} cases; at most ${MAX_IMPORT_CASES.toLocaleString('en')} can be imported from one file (split it into several files)`,
    );
  return {
    model: {
      id: checkNonEmptyString(model.id, 'model.id'),
      sha256: checkString(checkPresent(model.sha256, 'model.sha256'), 'model.sha256'),
    },
    backend: checkString(checkPresent(parsed.backend, 'backend'), 'backend'),
    cases,
  };
}

/** Checks a whole parsed document at once (the app checks its cases in steps, see report-json). */
export function checkReviewDocument(parsed: unknown): {
  readonly head: ImportedHead;
  readonly cases: readonly ImportedCase[];
} {
  const head = checkDocumentHead(parsed);
  return { head, cases: head.cases.map((entry, i) => checkImportedCase(entry, i)) };
}

/**
 * What a checked case becomes in the worklist: a record with its verdicts and decisions under a new id;
 * the images stay where they were (an imported case has none to show).
 */
export function importedRecord(
  head: ImportedHead,
  checked: ImportedCase,
  id: string,
  now: string,
): CaseRecord {
  return {
    id,
    summary: {
      id,
      name: `${checked.name} (imported)`,
      origin: 'import',
      analysedAt: checked.exportedAt ?? now,
      model: { id: head.model.id, sha256: head.model.sha256, threshold: checked.threshold ?? 0.5 },
      backend: head.backend,
      cells: checked.cells.map((cell) => ({
        ...cell,
        bandLevelOverridden: false,
        excluded: false,
        warnings: [],
      })),
      types: checked.types,
      errors: checked.errors,
      hasImages: false,
    },
    createdAt: now,
    updatedAt: now,
    decisions: checked.decisions,
    ...(checked.corrections.length > 0 ? { corrections: checked.corrections } : {}),
  };
}
