import { isChromosomeType, type ChromosomeType } from '../../shared/chromosome-types';

/** Extensions of the image formats the decoder reads (the content is still checked by magic bytes). */
const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'bmp', 'tif', 'tiff']);

/** `<type>_<homolog>.<ext>`, loosely: the type and copy are validated after matching. */
const CROP_NAME = /^([0-9]{1,2}|[XxYy])_([0-9]+)\.([A-Za-z]+)$/;

/** Files that operating systems and archivers leave behind; never worth a warning. */
const SYSTEM_FILE_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Index of a homolog within its type: 0 and 1 for a pair, 2 for a third copy. */
export type HomologIndex = 0 | 1 | 2;

/** What a file name says about a crop, or why it is not a valid one. */
export type CropName =
  | { readonly valid: true; readonly type: ChromosomeType; readonly homolog: HomologIndex }
  | { readonly valid: false; readonly problem: string };

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** True when the name's extension is one of the decodable image formats. */
export function hasImageExtension(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

/** True for `.xml` names (case-insensitive): Pascal VOC annotations of metaphase images. */
export function hasAnnotationExtension(name: string): boolean {
  return extensionOf(name) === 'xml';
}

/** True for `.zip` names (case-insensitive). */
export function hasZipExtension(name: string): boolean {
  return extensionOf(name) === 'zip';
}

/**
 * True for files to skip silently: hidden files and folders (`.DS_Store`, `.git/…`), macOS archive
 * metadata (`__MACOSX/…`), Windows thumbnail caches.
 * @param path a normalised path.
 */
export function isSystemFile(path: string): boolean {
  const segments = path.split('/');
  const name = segments[segments.length - 1] ?? '';
  return (
    segments.some((segment) => segment.startsWith('.') || segment === '__MACOSX') ||
    SYSTEM_FILE_NAMES.has(name.toLowerCase())
  );
}

/**
 * Reads a crop file name of the bundle layout, `<type>_<homolog>.<ext>`: type `1`–`22`, `X` or `Y`
 * (either case, leading zero allowed), homolog `0`, `1` or `2`. Returns `null` for names that do not
 * look like crops at all, and `{ valid: false }` for ones that do but name no real chromosome or copy
 * (`23_0.tif`, `4_3.tif`), so that they are reported instead of taken for karyograms.
 */
export function parseCropName(name: string): CropName | null {
  const match = CROP_NAME.exec(name);
  if (match === null || !hasImageExtension(name)) return null;
  const rawType = match[1] ?? '';
  const type = /^[0-9]+$/.test(rawType) ? String(Number(rawType)) : rawType.toUpperCase();
  const homolog = Number(match[2]);
  if (!isChromosomeType(type))
    return { valid: false, problem: `chromosome type "${rawType}" does not exist` };
  if (homolog !== 0 && homolog !== 1 && homolog !== 2) {
    return { valid: false, problem: `homolog ${match[2] ?? ''} is not 0, 1 or 2` };
  }
  return { valid: true, type, homolog };
}
