import { isChromosomeType } from '../shared/chromosome-types';
import { checkArray, checkNumber, checkObject, checkString, ShapeError } from '../shared/shape-check';
import type { CaseRecord } from './review-types';
import { DECISIONS } from './review-types';

function checkType(value: unknown, path: string): void {
  if (typeof value !== 'string' || !isChromosomeType(value))
    throw new ShapeError(path, 'is not a chromosome type');
}

function checkVerdict(value: unknown, path: string): void {
  const verdict = checkObject(value, path);
  checkType(verdict.type, `${path}.type`);
  if (verdict.score !== null) checkNumber(verdict.score, `${path}.score`);
  checkArray(verdict.copies, `${path}.copies`);
  checkArray(verdict.pairs, `${path}.pairs`);
}

function checkCell(value: unknown, path: string): void {
  const cell = checkObject(value, path);
  checkString(cell.id, `${path}.id`);
  checkNumber(cell.bandLevel, `${path}.bandLevel`);
  checkNumber(cell.chromosomes, `${path}.chromosomes`);
  checkArray(cell.warnings, `${path}.warnings`);
}

function checkDecision(value: unknown, path: string): void {
  const decision = checkObject(value, path);
  checkType(decision.type, `${path}.type`);
  if (!(DECISIONS as readonly unknown[]).includes(decision.decision))
    throw new ShapeError(`${path}.decision`, `is not one of ${DECISIONS.join(', ')}`);
  for (const key of ['note', 'reviewer', 'modelId', 'at'] as const)
    checkString(decision[key], `${path}.${key}`);
}

function checkCorrectionEntry(value: unknown, path: string): void {
  const entry = checkObject(value, path);
  checkArray(entry.types, `${path}.types`, checkType);
  for (const key of ['text', 'reviewer', 'modelId', 'at'] as const) checkString(entry[key], `${path}.${key}`);
  if (entry.correction !== undefined)
    checkString(checkObject(entry.correction, `${path}.correction`).kind, `${path}.correction.kind`);
}

/**
 * Checks a saved review (IndexedDB `reviews`) before the worklist shows it: everything the screens
 * read must be there with the right kind. Throws a ShapeError naming the first thing wrong.
 */
export function checkCaseRecord(value: unknown): CaseRecord {
  const record = checkObject(value, 'the entry');
  checkString(record.id, 'id');
  checkString(record.createdAt, 'createdAt');
  checkString(record.updatedAt, 'updatedAt');
  if (record.openedAt !== undefined) checkString(record.openedAt, 'openedAt');
  if (record.jobId !== undefined) checkString(record.jobId, 'jobId');
  checkArray(record.decisions, 'decisions', checkDecision);
  if (record.corrections !== undefined) checkArray(record.corrections, 'corrections', checkCorrectionEntry);
  const summary = checkObject(record.summary, 'summary');
  checkString(summary.id, 'summary.id');
  checkString(summary.name, 'summary.name');
  checkString(summary.analysedAt, 'summary.analysedAt');
  checkString(summary.backend, 'summary.backend');
  const model = checkObject(summary.model, 'summary.model');
  checkString(model.id, 'summary.model.id');
  checkNumber(model.threshold, 'summary.model.threshold');
  checkArray(summary.cells, 'summary.cells', checkCell);
  checkArray(summary.types, 'summary.types', checkVerdict);
  checkArray(summary.errors, 'summary.errors');
  return value as CaseRecord;
}
