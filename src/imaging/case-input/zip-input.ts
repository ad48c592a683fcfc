import { inflateCapped } from '../decode/inflate-capped';
import { ImageInputError } from '../decode/image-input-error';
import type { InputIssue } from './case-input-plan';
import { baseName, normaliseInputPath, parentPath, stripExtension, type VirtualFile } from './virtual-file';
import { DEFAULT_ZIP_LIMITS, RATIO_CHECK_FLOOR_BYTES, type ZipLimits } from './zip-limits';
import { readZipDirectory, type ZipEntry } from './zip-directory';

/** The entries of an opened archive, and those refused one by one. */
export interface OpenedZip {
  /** Lazily inflated: an entry's bytes are produced (and checked) only when asked for. */
  readonly files: VirtualFile[];
  readonly rejected: InputIssue[];
}

/** Why a single entry cannot be used, or `null` if it can. */
function entryProblem(entry: ZipEntry, limits: ZipLimits): string | null {
  if (entry.encrypted) return 'entry is encrypted';
  if (entry.method !== 0 && entry.method !== 8)
    return `entry uses compression method ${entry.method}, not stored or deflate`;
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return `entry declares ${entry.uncompressedSize} bytes, above the limit of ${limits.maxEntryBytes}`;
  }
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_CHECK_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    return `entry compresses ${Math.round(ratio)} : 1, above the limit of ${limits.maxCompressionRatio} : 1`;
  }
  return null;
}

/** Inflates one entry, never past its declared size, and insists on getting exactly that size. */
function inflateEntry(path: string, archive: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = archive.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize)
      throw new ImageInputError(path, 'corrupt', 'stored zip entry has the wrong size');
    return data.slice();
  }
  const inflated = inflateCapped(data, 'raw', entry.uncompressedSize);
  if (inflated.overflowed) {
    throw new ImageInputError(
      path,
      'too-large',
      `zip entry inflates past its declared ${entry.uncompressedSize} bytes`,
    );
  }
  if (inflated.error !== undefined || inflated.bytes.length !== entry.uncompressedSize) {
    throw new ImageInputError(
      path,
      'corrupt',
      `zip entry is corrupt (${inflated.error ?? 'shorter than declared'})`,
    );
  }
  return inflated.bytes;
}

/**
 * Opens a `.zip` into virtual files mounted under the archive's name without `.zip` (`batch.zip` with
 * `case-1/k.bmp` gives `batch/case-1/k.bmp`; an archive whose entries all sit in a folder of its own
 * name is not nested twice). Entry names are plain text: normalised, never resolved.
 *
 * Refuses the whole archive (throws {@link ImageInputError}) when it is not a zip, lists more entries
 * than `maxEntries`, declares more than `maxTotalBytes` in all, or has entries sharing data; refuses
 * single entries (in `rejected`) that are encrypted, use another compression, or break the per-entry size
 * or ratio limits. An entry whose data turns out larger or smaller than declared throws when read.
 */
export async function openZipArchive(zip: VirtualFile, limits: Partial<ZipLimits> = {}): Promise<OpenedZip> {
  const resolved = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const archive = await zip.bytes();
  const entries = readZipDirectory(zip.path, archive, resolved.maxEntries);
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > resolved.maxTotalBytes) {
    throw new ImageInputError(
      zip.path,
      'too-large',
      `zip declares ${total} bytes in all, above the limit of ${resolved.maxTotalBytes}`,
    );
  }
  const mount = stripExtension(normaliseInputPath(zip.path));
  const folder = baseName(mount);
  const prefix = parentPath(mount) === '' ? '' : `${parentPath(mount)}/`;
  const names = entries.map((entry) => normaliseInputPath(entry.name));
  const alreadyInOwnFolder = names.length > 0 && names.every((name) => name.startsWith(`${folder}/`));
  const files: VirtualFile[] = [];
  const rejected: InputIssue[] = [];
  entries.forEach((entry, index) => {
    const name = names[index] ?? '';
    if (name === '') return;
    const path = alreadyInOwnFolder ? `${prefix}${name}` : `${prefix}${folder}/${name}`;
    const problem = entryProblem(entry, resolved);
    if (problem !== null) rejected.push({ path, message: problem });
    else files.push({ path, bytes: () => inflateEntry(path, archive, entry) });
  });
  return { files, rejected };
}
