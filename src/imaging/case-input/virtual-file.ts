/**
 * A file as every input route delivers it: a folder dropped on the page, files picked one by one, a
 * folder walked in Node, or an entry of a `.zip`. Nothing here knows where the bytes live.
 */
export interface VirtualFile {
  /**
   * `/`-separated path relative to what was dropped or named, starting with that folder's or file's own
   * name, e.g. `case-12/cell-1/5_0.tiff`, or just `karyogram.bmp` for a lone file.
   */
  readonly path: string;
  /** Reads the bytes; may be called more than once, may throw (e.g. a corrupt zip entry). */
  readonly bytes: () => Promise<Uint8Array> | Uint8Array;
}

/** A virtual file over bytes already in memory. */
export function virtualFile(path: string, bytes: Uint8Array): VirtualFile {
  return { path, bytes: () => bytes };
}

/**
 * Normalises a path taken from outside (browser, zip entry, Windows) to `a/b/c`: backslashes become
 * slashes, empty, `.` and `..` segments and a drive letter are dropped. Paths are only names here,
 * never resolved against a disk, so `..` cannot climb anywhere; it is removed so that it cannot merge
 * two folders' names either.
 */
export function normaliseInputPath(path: string): string {
  const segments = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (segments.length > 1 && /^[A-Za-z]:$/.test(segments[0] ?? '')) segments.shift();
  return segments.join('/');
}

/** The part of a normalised path before its last `/`, or `''` at the top level. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last segment of a normalised path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A file name without its last extension (`5_0.tiff` → `5_0`; `.hidden` stays as is). */
export function stripExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Compares like people sort files: `cell-2` before `cell-10`, case-insensitively. */
export const naturalCompare: (left: string, right: string) => number = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
}).compare;
