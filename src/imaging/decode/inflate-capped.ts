import { Inflate, Unzlib } from 'fflate';

/** What came out of a capped inflation. */
export interface CappedInflation {
  /** Decompressed bytes, never more than the cap. */
  readonly bytes: Uint8Array;
  /** The stream ended properly (its final block was read). */
  readonly complete: boolean;
  /** The stream would have produced more than the cap; inflation stopped there. */
  readonly overflowed: boolean;
  /** Why the stream broke off, if it did (truncated or corrupt data). */
  readonly error?: string;
}

const CHUNK_BYTES = 16_384;

class OverflowSignal extends Error {}

/**
 * Inflates zlib-wrapped or raw DEFLATE data through fflate's streaming API, feeding it 16 KiB at a time
 * and stopping as soon as the output passes `maxBytes`: a stream that expands 1000-fold cannot allocate
 * more than the cap plus one chunk's worth. Truncated or corrupt streams return what came out before the
 * break, with `error` set, instead of throwing.
 */
export function inflateCapped(source: Uint8Array, format: 'zlib' | 'raw', maxBytes: number): CappedInflation {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overflowed = false;
  let complete = false;
  const onData = (data: Uint8Array, final: boolean): void => {
    const room = maxBytes - total;
    if (data.length > room) {
      if (room > 0) chunks.push(data.subarray(0, room));
      total = maxBytes;
      overflowed = true;
      throw new OverflowSignal();
    }
    chunks.push(data);
    total += data.length;
    if (final) complete = true;
  };
  const stream = format === 'zlib' ? new Unzlib(onData) : new Inflate(onData);
  let error: string | undefined;
  try {
    for (let at = 0; at < source.length || at === 0; at += CHUNK_BYTES) {
      const end = Math.min(source.length, at + CHUNK_BYTES);
      stream.push(source.subarray(at, end), end >= source.length);
      if (end >= source.length) break;
    }
  } catch (caught) {
    if (!(caught instanceof OverflowSignal))
      error = caught instanceof Error ? caught.message : String(caught);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return error === undefined ? { bytes, complete, overflowed } : { bytes, complete, overflowed, error };
}
