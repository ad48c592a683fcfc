import { inflateCapped } from './inflate-capped';
import { ImageInputError } from './image-input-error';

/** Adam7 passes: first column, first row, column step, row step. */
const PASSES = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Undoes one PNG scanline filter in place (one byte per pixel step, as for sub-byte samples). */
function unfilterRow(kind: number, row: Uint8Array, prior: Uint8Array): boolean {
  for (let index = 0; index < row.length; index++) {
    const left = index > 0 ? (row[index - 1] ?? 0) : 0;
    const up = prior[index] ?? 0;
    const upLeft = index > 0 ? (prior[index - 1] ?? 0) : 0;
    let predictor: number;
    if (kind === 0) predictor = 0;
    else if (kind === 1) predictor = left;
    else if (kind === 2) predictor = up;
    else if (kind === 3) predictor = (left + up) >>> 1;
    else if (kind === 4) {
      const estimate = left + up - upLeft;
      const [toLeft, toUp, toUpLeft] = [
        Math.abs(estimate - left),
        Math.abs(estimate - up),
        Math.abs(estimate - upLeft),
      ];
      predictor = toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
    } else return false;
    row[index] = ((row[index] ?? 0) + predictor) & 0xff;
  }
  return true;
}

/**
 * Decodes the image data of an Adam7-interlaced PNG with 1-, 2- or 4-bit single-channel samples (gray or
 * palette), which fast-png 8 gets wrong (it sizes pass rows as if samples were whole bytes). Returns one
 * sample per byte, row-major.
 * @param imageData the concatenated contents of the IDAT chunks (a zlib stream).
 */
export function decodeAdam7SubByte(
  file: string,
  imageData: Uint8Array,
  width: number,
  height: number,
  depth: number,
): Uint8Array {
  const passRowBytes = PASSES.map(([x0, y0, dx, dy]) => {
    const columns = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    return { columns, rows, bytes: columns > 0 && rows > 0 ? Math.ceil((columns * depth) / 8) : 0 };
  });
  const expected = passRowBytes.reduce(
    (sum, pass) => sum + (pass.bytes > 0 ? pass.rows * (pass.bytes + 1) : 0),
    0,
  );
  const inflated = inflateCapped(imageData, 'zlib', expected);
  if (inflated.bytes.length < expected) {
    throw new ImageInputError(
      file,
      'corrupt',
      `corrupt PNG data (${inflated.error ?? 'image data too short'})`,
    );
  }
  const samples = new Uint8Array(width * height);
  const mask = (1 << depth) - 1;
  let at = 0;
  PASSES.forEach(([x0, y0, dx, dy], passIndex) => {
    const pass = passRowBytes[passIndex];
    if (pass === undefined || pass.bytes === 0) return;
    let prior = new Uint8Array(pass.bytes);
    for (let passRow = 0; passRow < pass.rows; passRow++) {
      const kind = inflated.bytes[at] ?? 0;
      const row = inflated.bytes.slice(at + 1, at + 1 + pass.bytes);
      at += pass.bytes + 1;
      if (!unfilterRow(kind, row, prior))
        throw new ImageInputError(file, 'corrupt', `corrupt PNG data (filter ${kind})`);
      const y = y0 + passRow * dy;
      for (let column = 0; column < pass.columns; column++) {
        const bit = column * depth;
        const value = ((row[bit >>> 3] ?? 0) >>> (8 - depth - (bit & 7))) & mask;
        samples[y * width + x0 + column * dx] = value;
      }
      prior = row;
    }
  });
  return samples;
}
