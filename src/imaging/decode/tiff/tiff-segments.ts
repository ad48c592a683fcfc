import type { DecodeLimits } from '../decode-limits';
import { TiffTag, type TiffDirectory } from './tiff-directory';

/** A strip or tile: where its bytes are and which pixels it covers. */
export interface TiffSegment {
  /** Byte offset in the file. */
  readonly offset: number;
  /** Bytes to read, already clamped to the end of the file. */
  readonly byteCount: number;
  /** Pixel column of its left edge (0 for strips). */
  readonly x: number;
  /** Pixel row of its top edge. */
  readonly y: number;
  /** Stored width in pixels (a tile's full width, even where it overhangs the image's right edge). */
  readonly width: number;
  /** Stored rows (a tile's full height; a strip's rows within the image). */
  readonly rows: number;
}

/** The segments of one page and what had to be repaired to lay them out. */
export interface SegmentPlan {
  readonly kind: 'strips' | 'tiles';
  readonly segments: readonly TiffSegment[];
  readonly repairs: readonly string[];
}

type Fail = (reason: 'corrupt' | 'truncated' | 'too-large', detail: string) => never;

/** What {@link planSegments} needs to know about the page. */
export interface SegmentContext {
  readonly directory: TiffDirectory;
  readonly fileLength: number;
  /** Image size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Bytes of one stored row of `pixels` pixels. */
  readonly rowBytes: (pixels: number) => number;
  readonly uncompressed: boolean;
  readonly limits: DecodeLimits;
  readonly fail: Fail;
}

function first(directory: TiffDirectory, tag: number): number | undefined {
  return directory.values.get(tag)?.[0];
}

/**
 * Lays the declared strips or tiles over the image, repairing what can be repaired unambiguously:
 * segments beyond those the image needs are ignored, byte counts running past the end of the file are
 * clamped to it, missing or zero byte counts are inferred (from the rows for uncompressed data, else up to
 * the next segment). A needed segment that starts past the end of the file is an error: its pixels are
 * simply not there.
 */
export function planSegments(context: SegmentContext): SegmentPlan {
  const tiled =
    context.directory.values.has(TiffTag.TileOffsets) || context.directory.values.has(TiffTag.TileWidth);
  return tiled ? planTiles(context) : planStrips(context);
}

function planStrips(context: SegmentContext): SegmentPlan {
  const { directory, width, height, fail } = context;
  const repairs: string[] = [];
  const declaredRows = first(directory, TiffTag.RowsPerStrip) ?? height;
  const rowsPerStrip = declaredRows === 0 || declaredRows > height ? height : declaredRows;
  const needed = Math.ceil(height / rowsPerStrip);
  const offsets = directory.values.get(TiffTag.StripOffsets) ?? [];
  if (offsets.length === 0) return fail('corrupt', 'TIFF page has no strip offsets');
  if (offsets.length > needed) {
    repairs.push(
      `declares ${offsets.length} strips, ${needed} hold all ${height} rows; the rest are ignored`,
    );
  }
  let stripRows = rowsPerStrip;
  if (offsets.length < needed) {
    // One strip holding every row is common under a wrong RowsPerStrip; anything else is missing rows.
    if (offsets.length !== 1) {
      return fail(
        'truncated',
        `TIFF has ${offsets.length} strips of ${rowsPerStrip} rows for ${height} rows`,
      );
    }
    repairs.push(
      `declares ${rowsPerStrip} rows per strip but has one strip; read as one strip of ${height} rows`,
    );
    stripRows = height;
  }
  const places = Array.from({ length: Math.min(needed, offsets.length) }, (_, index) => ({
    x: 0,
    y: index * stripRows,
    width,
    rows: Math.min(stripRows, height - index * stripRows),
  }));
  const counts = directory.values.get(TiffTag.StripByteCounts) ?? [];
  return { kind: 'strips', ...locate('strip', places, offsets, counts, context, repairs) };
}

function planTiles(context: SegmentContext): SegmentPlan {
  const { directory, width, height, limits, fail } = context;
  const tileWidth = first(directory, TiffTag.TileWidth) ?? 0;
  const tileLength = first(directory, TiffTag.TileLength) ?? 0;
  if (tileWidth === 0 || tileLength === 0) return fail('corrupt', 'tiled TIFF without a tile size');
  if (
    tileWidth > limits.maxWidth ||
    tileLength > limits.maxHeight ||
    tileWidth * tileLength > limits.maxPixels
  ) {
    return fail('too-large', `TIFF tiles of ${tileWidth}×${tileLength} pixels exceed the limits`);
  }
  const across = Math.ceil(width / tileWidth);
  const down = Math.ceil(height / tileLength);
  const offsets = directory.values.get(TiffTag.TileOffsets) ?? [];
  const repairs: string[] = [];
  if (offsets.length < across * down) {
    return fail(
      'truncated',
      `TIFF has ${offsets.length} tiles, ${across * down} needed for ${width}×${height} pixels`,
    );
  }
  if (offsets.length > across * down) {
    repairs.push(`declares ${offsets.length} tiles, ${across * down} cover the image; the rest are ignored`);
  }
  const places = Array.from({ length: across * down }, (_, index) => ({
    x: (index % across) * tileWidth,
    y: Math.floor(index / across) * tileLength,
    width: tileWidth,
    rows: tileLength,
  }));
  const counts = directory.values.get(TiffTag.TileByteCounts) ?? [];
  return { kind: 'tiles', ...locate('tile', places, offsets, counts, context, repairs) };
}

/** Pairs each place with its offset and (repaired) byte count. */
function locate(
  noun: string,
  places: readonly Omit<TiffSegment, 'offset' | 'byteCount'>[],
  offsets: readonly number[],
  counts: readonly number[],
  context: SegmentContext,
  repairs: string[],
): { segments: TiffSegment[]; repairs: string[] } {
  const { fileLength, fail } = context;
  let clamped = 0;
  let inferred = 0;
  const segments = places.map((place, index): TiffSegment => {
    const offset = offsets[index] ?? 0;
    if (offset >= fileLength) {
      return fail(
        'truncated',
        `${noun} ${index} starts at byte ${offset}, past the end of the file (${fileLength} bytes)`,
      );
    }
    let byteCount = counts[index] ?? 0;
    if (byteCount === 0) {
      const nextOffset = offsets.slice(index + 1).find((next) => next > offset) ?? fileLength;
      byteCount = context.uncompressed ? place.rows * context.rowBytes(place.width) : nextOffset - offset;
      inferred++;
    }
    if (offset + byteCount > fileLength) {
      byteCount = fileLength - offset;
      clamped++;
    }
    return { ...place, offset, byteCount };
  });
  if (inferred > 0) repairs.push(`${inferred} ${noun} byte count(s) missing or zero; inferred`);
  if (clamped > 0) repairs.push(`${clamped} ${noun} byte count(s) run past the end of the file; clamped`);
  return { segments, repairs };
}
