/**
 * Decodes PackBits (TIFF compression 32773) into `target`; returns the bytes written. Stops at the end
 * of either buffer, so truncated input yields fewer bytes rather than an exception.
 */
export function decodePackBits(source: Uint8Array, target: Uint8Array): number {
  let read = 0;
  let written = 0;
  while (read < source.length && written < target.length) {
    const header = ((source[read++] ?? 0) << 24) >> 24; // as a signed byte
    if (header >= 0) {
      const end = Math.min(read + header + 1, source.length);
      const run = source.subarray(read, end).subarray(0, target.length - written);
      target.set(run, written);
      written += run.length;
      read = end;
    } else if (header !== -128) {
      if (read >= source.length) break;
      const value = source[read++] ?? 0;
      const end = Math.min(written + 1 - header, target.length);
      target.fill(value, written, end);
      written = end;
    }
  }
  return written;
}
