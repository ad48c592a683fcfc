import { ImageInputError } from '../decode/image-input-error';

/** One file entry of a zip's central directory, with its data located and bounds-checked. */
export interface ZipEntry {
  /** The stored name as text, unnormalised. */
  readonly name: string;
  /** 0 stored, 8 deflate; anything else is refused when read. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** As declared; inflation stops there. */
  readonly uncompressedSize: number;
  /** Byte offset of the compressed data. */
  readonly dataOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;

/** Refusal of a whole archive. */
function refuse(
  file: string,
  reason: 'corrupt' | 'truncated' | 'too-large' | 'unsupported',
  detail: string,
): never {
  throw new ImageInputError(file, reason, detail);
}

/** The central directory's size, offset and entry count, from the (ZIP64) end-of-central-directory record. */
function readEndRecord(file: string, view: DataView): { entries: number; offset: number } {
  const length = view.byteLength;
  let end = -1;
  for (let at = length - 22; at >= Math.max(0, length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return refuse(file, 'corrupt', 'not a zip archive (no end-of-central-directory record)');
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    return refuse(file, 'unsupported', 'multi-volume zip archives are not supported');
  }
  let entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (entries === MAX_16 || offset === MAX_32) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
      return refuse(file, 'corrupt', 'zip declares ZIP64 sizes without a ZIP64 record');
    }
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > length || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
      return refuse(file, 'corrupt', 'zip has a broken ZIP64 end record');
    }
    entries = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  return { entries, offset };
}

/** Reads 64-bit sizes/offset from the ZIP64 extra field for whichever 32-bit fields are saturated. */
function zip64Values(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  saturated: readonly boolean[],
): number[] {
  const values: number[] = [];
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const isSaturated of saturated) {
        if (isSaturated && field + 8 <= at + 4 + size) {
          values.push(Number(view.getBigUint64(field, true)));
          field += 8;
        } else values.push(-1);
      }
      return values;
    }
    at += 4 + size;
  }
  return saturated.map(() => -1);
}

/**
 * Lists the file entries of a zip (folders are left out) from its central directory, checking every
 * offset against the archive's length and refusing archives whose entries' data overlap (the trick of
 * non-recursive zip bombs, where one compressed block is shared by thousands of entries).
 * @param maxEntries refuses an archive listing more entries, before reading them.
 */
export function readZipDirectory(file: string, bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries: declared, offset } = readEndRecord(file, view);
  if (declared > maxEntries) {
    return refuse(file, 'too-large', `zip lists ${declared} entries, more than the limit of ${maxEntries}`);
  }
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let index = 0; index < declared; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      return refuse(file, 'corrupt', `zip central directory is broken at entry ${index}`);
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length)
      return refuse(file, 'truncated', 'zip central directory is cut short');
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    const saturated = [uncompressedSize === MAX_32, compressedSize === MAX_32, localOffset === MAX_32];
    if (saturated.includes(true)) {
      const [big, bigCompressed, bigOffset] = zip64Values(
        view,
        at + 46 + nameLength,
        at + 46 + nameLength + extraLength,
        saturated,
      );
      uncompressedSize = big !== undefined && big >= 0 ? big : uncompressedSize;
      compressedSize = bigCompressed !== undefined && bigCompressed >= 0 ? bigCompressed : compressedSize;
      localOffset = bigOffset !== undefined && bigOffset >= 0 ? bigOffset : localOffset;
    }
    const method = view.getUint16(at + 10, true);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) {
      return refuse(file, 'corrupt', `zip entry ${name} points to no local header`);
    }
    const dataOffset =
      localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) {
      return refuse(file, 'truncated', `zip entry ${name} runs past the end of the archive`);
    }
    entries.push({
      name,
      method,
      encrypted: (flags & 1) !== 0,
      compressedSize,
      uncompressedSize,
      dataOffset,
    });
  }
  const byOffset = [...entries].sort((left, right) => left.dataOffset - right.dataOffset);
  for (let index = 1; index < byOffset.length; index++) {
    const previous = byOffset[index - 1];
    const current = byOffset[index];
    if (
      previous !== undefined &&
      current !== undefined &&
      current.dataOffset < previous.dataOffset + previous.compressedSize
    ) {
      return refuse(
        file,
        'corrupt',
        `zip entries ${previous.name} and ${current.name} share data (a zip bomb)`,
      );
    }
  }
  return entries;
}
