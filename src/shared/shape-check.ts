/**
 * Checks of values read back from storage or from files (IndexedDB entries and model manifests may be
 * damaged, truncated, hand-edited or written by another version): each check names the path of the
 * first thing wrong, in words a user can report.
 */
export class ShapeError extends Error {
  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'ShapeError';
  }
}

export type Checked = Readonly<Record<string, unknown>>;

/** Whether `value` is a plain object (not null, not an array): for optional parts that are skipped, not refused. */
export function isObject(value: unknown): value is Checked {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkObject(value: unknown, path: string): Checked {
  if (!isObject(value)) throw new ShapeError(path, 'is not an object');
  return value;
}

/**
 * A field that must be there: absent (or null in JSON) reads "is missing", which says more to someone
 * fixing a hand-edited file than "is not an object"; the kind is checked by the caller's next check.
 */
export function checkPresent(value: unknown, path: string): unknown {
  if (value === undefined || value === null) throw new ShapeError(path, 'is missing');
  return value;
}

export function checkString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'is not text');
  return value;
}

/** Text that must be there and say something (an id, a file name): absent or empty reads "is missing". */
export function checkNonEmptyString(value: unknown, path: string): string {
  const text = checkString(checkPresent(value, path), path);
  if (text === '') throw new ShapeError(path, 'is missing');
  return text;
}

export function checkNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw new ShapeError(path, 'is not a number');
  return value;
}

/** Checks every item of an array with `item` (given the item's path). */
export function checkArray(
  value: unknown,
  path: string,
  item?: (value: unknown, path: string) => void,
): unknown[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'is not a list');
  if (item)
    value.forEach((v: unknown, i) => {
      item(v, `${path}[${i}]`);
    });
  return value as unknown[];
}

/** A typed array of the given kind and, when `length` is given, exactly that many elements. */
export function checkTypedArray<T extends Float32Array | Uint8Array>(
  value: unknown,
  kind: { new (length: number): T; readonly name: string },
  path: string,
  length?: number,
): T {
  if (!(value instanceof kind)) throw new ShapeError(path, `is not a ${kind.name}`);
  if (length !== undefined && value.length !== length)
    throw new ShapeError(path, `holds ${value.length} values, ${length} expected (truncated?)`);
  return value;
}
