const CLEAR_CODE = 256;
const END_OF_INFORMATION = 257;
const FIRST_FREE_CODE = 258;
const TABLE_SIZE = 4096;

/**
 * Decodes TIFF LZW (MSB-first codes of 9–12 bits with the "early change" of TIFF 6.0) into `target`
 * and returns how many bytes the stream yielded, which may exceed `target.length` (the excess is not
 * written). Never throws and never loops: every string is written with a length-bounded walk, and a code
 * that cannot occur in a valid stream ends decoding, so a corrupt strip just yields fewer bytes.
 *
 * Written here rather than taken from utif2, whose LZW can loop forever on corrupt data (its string
 * walk follows prefix links until a sentinel that garbage may never reach); utif2 serves as the
 * reference it is checked against on the real data.
 */
export function decodeLzw(source: Uint8Array, target: Uint8Array): number {
  const prefix = new Uint16Array(TABLE_SIZE);
  const suffix = new Uint8Array(TABLE_SIZE);
  const firstByte = new Uint8Array(TABLE_SIZE);
  const length = new Uint16Array(TABLE_SIZE);
  for (let code = 0; code < 256; code++) {
    suffix[code] = code;
    firstByte[code] = code;
    length[code] = 1;
  }
  const totalBits = source.length * 8;
  let bitPosition = 0;
  let codeBits = 9;
  let nextCode = FIRST_FREE_CODE;
  let previous = -1;
  let written = 0;

  const writeString = (code: number): void => {
    const size = length[code] ?? 0;
    let link = code;
    for (let index = size - 1; index >= 0; index--) {
      const at = written + index;
      if (at < target.length) target[at] = suffix[link] ?? 0;
      link = prefix[link] ?? 0;
    }
    written += size;
  };

  while (bitPosition + codeBits <= totalBits) {
    const byteIndex = bitPosition >>> 3;
    const window =
      ((source[byteIndex] ?? 0) << 16) | ((source[byteIndex + 1] ?? 0) << 8) | (source[byteIndex + 2] ?? 0);
    const code = (window >>> (24 - codeBits - (bitPosition & 7))) & ((1 << codeBits) - 1);
    bitPosition += codeBits;
    if (code === END_OF_INFORMATION) break;
    if (code === CLEAR_CODE) {
      codeBits = 9;
      nextCode = FIRST_FREE_CODE;
      previous = -1;
      continue;
    }
    if (previous === -1) {
      if (code > 255) break; // the first code after a clear must be a literal
      writeString(code);
      previous = code;
      continue;
    }
    if (code > nextCode) break; // refers to a string not defined yet: corrupt
    if (nextCode < TABLE_SIZE) {
      // The new string is the previous one plus the first byte of the current one (or of itself, for
      // the code being defined right now).
      prefix[nextCode] = previous;
      suffix[nextCode] = code === nextCode ? (firstByte[previous] ?? 0) : (firstByte[code] ?? 0);
      firstByte[nextCode] = firstByte[previous] ?? 0;
      length[nextCode] = (length[previous] ?? 0) + 1;
      nextCode++;
    } else if (code === nextCode) {
      break; // table full and no clear code: corrupt
    }
    writeString(code);
    previous = code;
    // TIFF switches code width one code early (at 511, 1023, 2047).
    if (nextCode >= (1 << codeBits) - 1 && codeBits < 12) codeBits++;
    if (written >= target.length) break;
  }
  return written;
}
