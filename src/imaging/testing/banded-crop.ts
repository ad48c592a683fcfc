import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { drawChromosome } from '../layout/draw-chromosome';

/**
 * An upright crop (p-arm up, 10 white pixels above and below) of a straight chromosome 12 pixels wide and
 * `lengthPx` long, banded by a sine of `wavesPerPixel` radians per pixel starting at `phase`. For tests.
 */
export function bandedCrop(lengthPx: number, phase: number, wavesPerPixel = 0.8): GrayImage {
  const image = createGrayImage(40, lengthPx + 20, 255);
  drawChromosome(
    image,
    [
      { x: 20, y: 10 },
      { x: 20, y: 10 + lengthPx },
    ],
    12,
    (t) => 0.35 + 0.3 * Math.sin(t * lengthPx * wavesPerPixel + phase),
  );
  return image;
}
