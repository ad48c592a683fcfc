import type { GrayImage } from '../shared/gray-image';
import type { ArtificialChange } from './artificial-changes';
import { scaleAndTurn } from './turn-image';

/**
 * The paper's artificial kinds made on IMAGES of upright chromosome crops (p-arm up, dark on a light
 * background), rather than on profiles: rows are cut, repeated, turned or exchanged the way a
 * rearrangement changes a chromosome, and the result goes through the whole image pipeline. Used to
 * evaluate on changes that the profile sampler did not make itself.
 */

/** Rows [top, bottom) of a crop that hold chromosome pixels (darker than `ink`). */
export function chromosomeRows(image: GrayImage, ink = 200): { top: number; bottom: number } {
  let top = image.height;
  let bottom = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < ink) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y + 1);
        break;
      }
    }
  }
  return top < bottom ? { top, bottom } : { top: 0, bottom: image.height };
}

/** A band of rows [from, to) of an image, optionally turned by 180°. */
interface RowPiece {
  readonly image: GrayImage;
  readonly from: number;
  readonly to: number;
  readonly turned?: boolean;
}

/** Stacks row pieces top to bottom, each centred horizontally on a white canvas as wide as the widest. */
function stack(pieces: readonly RowPiece[]): GrayImage {
  const width = Math.max(...pieces.map((p) => p.image.width));
  const height = pieces.reduce((sum, p) => sum + Math.max(0, p.to - p.from), 0);
  const pixels = new Uint8Array(width * height).fill(255);
  let y = 0;
  for (const piece of pieces) {
    const { image } = piece;
    const offset = Math.floor((width - image.width) / 2);
    const rows = Math.max(0, piece.to - piece.from);
    for (let r = 0; r < rows; r++, y++) {
      const sourceRow = piece.turned ? piece.to - 1 - r : piece.from + r;
      for (let x = 0; x < image.width; x++) {
        const sourceX = piece.turned ? image.width - 1 - x : x;
        pixels[y * width + offset + x] = image.pixels[sourceRow * image.width + sourceX] ?? 255;
      }
    }
  }
  return { width, height, pixels };
}

/** Row bounds of a relative piece of the chromosome (fractions of its length from p-ter). */
function pieceRows(
  image: GrayImage,
  start: number,
  span: number,
): { top: number; bottom: number; from: number; to: number } {
  const { top, bottom } = chromosomeRows(image);
  const length = bottom - top;
  const count = Math.max(1, Math.round(span * length));
  const from = Math.min(bottom - count, top + Math.max(0, Math.round(start * length)));
  return { top, bottom, from, to: from + count };
}

/**
 * Applies an artificial change to a crop image; `donor` is another chromosome's crop of the same cell
 * for the kinds that need one. Margins above and below the chromosome are kept.
 */
export function applyChangeToCrop(image: GrayImage, change: ArtificialChange, donor?: GrayImage): GrayImage {
  const { top, bottom, from, to } = pieceRows(image, change.start, change.span);
  const whole = (a: number, b: number): RowPiece => ({ image, from: a, to: b });
  const donorPiece = (): RowPiece => {
    if (!donor) throw new Error(`${change.kind} needs a donor crop`);
    const rows = chromosomeRows(donor);
    const count = Math.min(to - from, rows.bottom - rows.top);
    const start = rows.top + Math.round(change.donorStart * (rows.bottom - rows.top - count));
    return { image: donor, from: start, to: start + count };
  };
  switch (change.kind) {
    case 'deleted':
      return stack([whole(0, from), whole(to, image.height)]);
    case 'duplicated':
      return stack([whole(0, to), whole(from, image.height)]);
    case 'replaced-inversion':
      return stack([whole(0, from), { image, from, to, turned: true }, whole(to, image.height)]);
    case 'replaced-translocation': {
      const piece = donorPiece();
      return stack([whole(0, from), piece, whole(from + (piece.to - piece.from), image.height)]);
    }
    case 'added-foreign': {
      const site = top + Math.round(change.site * (bottom - top));
      return stack([whole(0, site), donorPiece(), whole(site, image.height)]);
    }
    case 'robertsonian':
      // Two copies joined end to end, the first turned: q-ter … p-ter p-ter … q-ter.
      return stack([{ image, from: top, to: bottom, turned: true }, whole(top, image.height)]);
  }
}

/**
 * A crop turned by `angleRad` and back: the resampling an oblique cut brings with it, without the cut
 * (what normal bags of the oblique evaluation set get, so that blur alone tells nothing).
 */
export function turnThereAndBack(image: GrayImage, angleRad: number): GrayImage {
  return scaleAndTurn(scaleAndTurn(image, 1, angleRad), 1, -angleRad);
}

/**
 * The change cut along lines at `angleRad` to the crop's rows: the crop (and the donor) is turned by the
 * angle, cut as applyChangeToCrop cuts, and turned back, so the seams cross the chromosome obliquely.
 * An evaluation generator that training never uses (training cuts rows, see model/train/crop-pair-editor).
 */
export function applyChangeObliquely(
  image: GrayImage,
  change: ArtificialChange,
  angleRad: number,
  donor?: GrayImage,
): GrayImage {
  const turn = (i: GrayImage): GrayImage => scaleAndTurn(i, 1, angleRad);
  return scaleAndTurn(applyChangeToCrop(turn(image), change, donor && turn(donor)), 1, -angleRad);
}
