import { labelComponents } from '../segment/components';
import type { BinaryMask } from '../segment/mask';
import { pieceFromMask, type Piece } from './piece';

/** Extra seam cost of a sideways step, in units of one background-to-object crossing. */
const SIDE_STEP = 0.3;

/** Pulls on the seam towards the lighter side, tried in turn to find a balanced cut (per px of width). */
const BALANCE_PULLS = [0, 0.05, -0.05, 0.1, -0.1, 0.2, -0.2, 0.4, -0.4];

interface Seam {
  /** Seam column per row, mask pixels. */
  readonly columns: Int32Array;
  /** Object pixels the seam passes through. */
  readonly cutPixels: number;
  /** (left area − right area) / area. */
  readonly imbalance: number;
}

/**
 * The cheapest top-to-bottom seam through a blob (one column step per row) when every row also pays
 * `pull` × (pixels left of the seam − pixels right of it) / width: a positive pull moves it left.
 */
function cheapestSeam(
  mask: BinaryMask,
  pixelCost: Float32Array,
  rowPrefix: Int32Array,
  pull: number,
  chromosomeWidth: number,
): Seam {
  const { width, height } = mask;
  const lo = Math.floor(0.15 * width);
  const hi = Math.ceil(0.85 * width) - 1;
  const balance = (x: number, y: number): number => {
    const left = rowPrefix[y * (width + 1) + x] ?? 0;
    const total = rowPrefix[y * (width + 1) + width] ?? 0;
    return (pull * (2 * left - total)) / chromosomeWidth;
  };
  const total = new Float64Array(width * height).fill(Infinity);
  for (let x = lo; x <= hi; x++) total[x] = (pixelCost[x] ?? 0) + balance(x, 0);
  for (let y = 1; y < height; y++) {
    for (let x = lo; x <= hi; x++) {
      // Sideways steps pay a little so that, between equal contacts, the seam runs straight down.
      let previous = total[(y - 1) * width + x] ?? Infinity;
      if (x > lo) previous = Math.min(previous, (total[(y - 1) * width + x - 1] ?? Infinity) + SIDE_STEP);
      if (x < hi) previous = Math.min(previous, (total[(y - 1) * width + x + 1] ?? Infinity) + SIDE_STEP);
      total[y * width + x] = previous + (pixelCost[y * width + x] ?? 0) + balance(x, y);
    }
  }
  const columns = new Int32Array(height);
  let x = lo;
  for (let c = lo; c <= hi; c++) {
    if ((total[(height - 1) * width + c] ?? Infinity) < (total[(height - 1) * width + x] ?? Infinity)) x = c;
  }
  columns[height - 1] = x;
  for (let y = height - 1; y > 0; y--) {
    let next = x;
    let nextCost = total[(y - 1) * width + x] ?? Infinity;
    for (const candidate of [x - 1, x + 1]) {
      if (candidate < lo || candidate > hi) continue;
      const candidateCost = (total[(y - 1) * width + candidate] ?? Infinity) + SIDE_STEP;
      if (candidateCost < nextCost) {
        next = candidate;
        nextCost = candidateCost;
      }
    }
    x = next;
    columns[y - 1] = x;
  }
  let cutPixels = 0;
  let left = 0;
  let right = 0;
  for (let y = 0; y < height; y++) {
    const s = columns[y] ?? 0;
    const row = y * (width + 1);
    left += rowPrefix[row + s] ?? 0;
    right += (rowPrefix[row + width] ?? 0) - (rowPrefix[row + s + 1] ?? 0);
    cutPixels += mask.data[y * width + s] ?? 0;
  }
  return { columns, cutPixels, imbalance: (left - right) / Math.max(1, left + right + cutPixels) };
}

/**
 * Tries to cut a blob of two homologs standing side by side and touching into two chromosomes along a
 * top-to-bottom seam. Crossing background is free, crossing a chromosome costs more the darker it is, so
 * the seam follows the pale contact between the two; seams pulled left and right are compared, and the
 * one with the best sum of cut length and imbalance wins (so a seam does not just clip off the middle
 * of a bent homolog). Returns the left and right chromosome, or null when no seam cuts the blob into two
 * substantial halves (so a single bent chromosome stays whole).
 *
 * @param darkness darkness of the whole image in [0, 1], row-major, `imageWidth` wide
 * @param chromosomeWidth typical chromosome width, pixels
 */
export function splitTouchingPair(
  piece: Piece,
  darkness: Float32Array,
  imageWidth: number,
  chromosomeWidth: number,
): [Piece, Piece] | null {
  const { mask, box } = piece;
  const { width, height } = mask;
  if (width < 1.2 * chromosomeWidth || height < 2) return null;
  const pixelCost = new Float32Array(width * height);
  const rowPrefix = new Int32Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = mask.data[y * width + x] ?? 0;
      if (inside !== 0)
        pixelCost[y * width + x] = 1 + 2 * (darkness[(box.y0 + y) * imageWidth + box.x0 + x] ?? 0);
      rowPrefix[y * (width + 1) + x + 1] = (rowPrefix[y * (width + 1) + x] ?? 0) + inside;
    }
  }
  let best: Seam | null = null;
  let bestScore = Infinity;
  for (const pull of BALANCE_PULLS) {
    const seam = cheapestSeam(mask, pixelCost, rowPrefix, pull, chromosomeWidth);
    const score = seam.cutPixels + 2 * chromosomeWidth * Math.abs(seam.imbalance);
    if (score < bestScore) {
      bestScore = score;
      best = seam;
    }
  }
  if (best === null) return null;
  const left: BinaryMask = { width, height, data: new Uint8Array(width * height) };
  const right: BinaryMask = { width, height, data: new Uint8Array(width * height) };
  for (let y = 0; y < height; y++) {
    const s = best.columns[y] ?? 0;
    for (let c = 0; c < width; c++) {
      const i = y * width + c;
      if (mask.data[i] === 0) continue;
      if (c < s) left.data[i] = 1;
      else if (c > s) right.data[i] = 1;
    }
  }
  const leftPiece = pieceFromMask(left, box.x0, box.y0, { parts: piece.parts, split: true });
  const rightPiece = pieceFromMask(right, box.x0, box.y0, { parts: piece.parts, split: true });
  if (leftPiece === null || rightPiece === null) return null;
  if (Math.min(leftPiece.area, rightPiece.area) < 0.25 * piece.area) return null;
  // A short contact is a touch; a long one is acceptable only when both halves are whole, tall
  // chromosomes (homologs side by side), not the arms of one bent chromosome.
  const whole = isWholeAndTall(leftPiece, height) && isWholeAndTall(rightPiece, height);
  if (best.cutPixels > 2 * chromosomeWidth && !whole) return null;
  return [leftPiece, rightPiece];
}

/** True when the piece is one connected blob (bar small bits) at least half as tall as the original blob. */
function isWholeAndTall(piece: Piece, blobHeight: number): boolean {
  if (piece.box.y1 - piece.box.y0 < 0.5 * blobHeight) return false;
  const labelling = labelComponents(piece.mask);
  const largest = Math.max(0, ...labelling.components.map((c) => c.area));
  return largest >= 0.85 * piece.area;
}
