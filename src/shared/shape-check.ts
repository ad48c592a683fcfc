/**
 * Checks of values read back from storage (IndexedDB entries may be damaged, truncated or written by
 * another version): each check names the path of the first thing wrong, in words a user can report.
 */
export class ShapeError extends Error {
  constructor(path: string, problem: string) {
    super(`${path} ${problem}`);
    this.name = 'ShapeError';
  }
}

export type Checked = Readonly<Record<string, unknown>>;

export function checkObject(value: unknown, path: string): Checked {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ShapeError(path, 'is not an object');
  return value as Checked;
}

export function checkString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new ShapeError(path, 'is not text');
  return value;
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
