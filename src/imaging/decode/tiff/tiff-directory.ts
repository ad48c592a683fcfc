import type { DecodeLimits } from '../decode-limits';
import { ImageInputError } from '../image-input-error';

/** TIFF tags the decoder reads; every other tag is skipped without reading its value. */
export const TiffTag = {
  NewSubfileType: 254,
  ImageWidth: 256,
  ImageLength: 257,
  BitsPerSample: 258,
  Compression: 259,
  Photometric: 262,
  FillOrder: 266,
  StripOffsets: 273,
  SamplesPerPixel: 277,
  RowsPerStrip: 278,
  StripByteCounts: 279,
  PlanarConfiguration: 284,
  Predictor: 317,
  ColorMap: 320,
  TileWidth: 322,
  TileLength: 323,
  TileOffsets: 324,
  TileByteCounts: 325,
  ExtraSamples: 338,
  SampleFormat: 339,
} as const;

const WANTED_TAGS: ReadonlySet<number> = new Set(Object.values(TiffTag));

/** Bytes per value of TIFF field types 1–13 (index = type); 0 = unknown type. */
const TYPE_SIZES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4] as const;

/** One image file directory: the integer values of the wanted tags. */
export interface TiffDirectory {
  /** 0-based position in the IFD chain. */
  readonly index: number;
  readonly values: ReadonlyMap<number, readonly number[]>;
  /** Tags whose value array ran past the end of the file; only the values inside it were kept. */
  readonly clippedTags: ReadonlySet<number>;
}

/** The parsed chain of directories and the file's byte order. */
export interface TiffFile {
  readonly littleEndian: boolean;
  readonly directories: readonly TiffDirectory[];
  /** Repairs that concern the file, not one page (e.g. a dangling next-IFD pointer). */
  readonly repairs: readonly string[];
}

/**
 * Reads the header and walks the IFD chain with bounds checks on every read, a guard against chains that
 * loop back on themselves, and a cap of `limits.maxPages` directories. Only integer tags are read, and
 * value arrays are clipped to the file, so a header claiming 4 billion strip offsets costs nothing.
 */
export function readTiffFile(file: string, bytes: Uint8Array, limits: DecodeLimits): TiffFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const littleEndian = bytes[0] === 0x49;
  const u16 = (at: number): number => view.getUint16(at, littleEndian);
  const u32 = (at: number): number => view.getUint32(at, littleEndian);
  if (bytes.length < 8)
    throw new ImageInputError(file, 'truncated', 'truncated TIFF: shorter than its 8-byte header');
  const directories: TiffDirectory[] = [];
  const repairs: string[] = [];
  const visited = new Set<number>();
  let offset = u32(4);
  while (offset !== 0) {
    if (visited.has(offset)) {
      repairs.push(`IFD chain loops back to byte ${offset}; stopped there`);
      break;
    }
    visited.add(offset);
    if (offset + 2 > bytes.length) {
      if (directories.length > 0) {
        // The pages already read are complete; a next-IFD pointer into nowhere is a harmless lie.
        repairs.push(`next IFD offset ${offset} is past the end of the file; ignored`);
        break;
      }
      throw new ImageInputError(
        file,
        'truncated',
        `truncated TIFF: first IFD offset ${offset} is past the end of the file (${bytes.length} bytes)`,
      );
    }
    if (directories.length >= limits.maxPages) {
      throw new ImageInputError(file, 'too-large', `TIFF has more than ${limits.maxPages} pages`);
    }
    const entryCount = u16(offset);
    const entriesEnd = offset + 2 + entryCount * 12;
    if (entriesEnd > bytes.length) {
      throw new ImageInputError(
        file,
        'truncated',
        `truncated TIFF: IFD ${directories.length} at byte ${offset} runs past the end of the file`,
      );
    }
    const values = new Map<number, readonly number[]>();
    const clippedTags = new Set<number>();
    for (let entry = offset + 2; entry < entriesEnd; entry += 12) {
      const tag = u16(entry);
      if (!WANTED_TAGS.has(tag)) continue;
      const type = u16(entry + 2);
      const count = u32(entry + 4);
      const size = TYPE_SIZES[type] ?? 0;
      // A wanted tag stored as a non-integer type is skipped; a required one is then reported missing.
      if (![1, 3, 4, 8, 9, 13].includes(type)) continue;
      const inline = count * size <= 4;
      const start = inline ? entry + 8 : u32(entry + 8);
      const available = Math.max(0, Math.floor((bytes.length - start) / size));
      const readable = Math.min(count, available);
      if (readable < count) clippedTags.add(tag);
      const read = (at: number): number => (size === 1 ? (bytes[at] ?? 0) : size === 2 ? u16(at) : u32(at));
      const list = new Array<number>(readable);
      for (let index = 0; index < readable; index++) list[index] = read(start + index * size);
      values.set(tag, list);
    }
    directories.push({ index: directories.length, values, clippedTags });
    if (entriesEnd + 4 > bytes.length) {
      repairs.push('last IFD has no next-IFD pointer; treated as the last page');
      break;
    }
    offset = u32(entriesEnd);
  }
  return { littleEndian, directories, repairs };
}
