import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { drawChromosome } from '../layout/draw-chromosome';

/**
 * A crop of a chromosome folded in two, `widthPx` wide, its arms `armPx` long and one width apart, so that
 * they touch: thresholded and filled it is one block whose medial axis runs along half the chromosome
 * (what the straightening check must catch). Banded. For tests.
 */
export function foldedCrop(widthPx: number, armPx: number): GrayImage {
  const left = Math.ceil(widthPx / 2) + 6;
  const right = left + widthPx;
  const image = createGrayImage(right + left, armPx + 2 * left, 255);
  drawChromosome(
    image,
    [
      { x: left, y: left },
      { x: left, y: left + armPx },
      { x: right, y: left + armPx },
      { x: right, y: left },
    ],
    widthPx,
    (t) => 0.35 + 0.4 * Math.max(0, Math.sin(t * 19)),
  );
  return image;
}
