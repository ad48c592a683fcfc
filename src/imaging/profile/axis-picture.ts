import type { GrayImage } from '../../shared/gray-image';
import type { Point } from '../segment/mask';

/**
 * A chromosome as it was found, for checking how it was straightened: its cut-out from the input (a
 * crop, or the karyogram around its box), with RASTER_MARGIN pixels of surroundings, and the
 * straightening axis in the cut-out's pixels, p-ter first. An axis that runs diagonally across splayed
 * chromatids, loops round a pale interior or cuts across a fold is plain to see on it, while the
 * straightened image alone hides how it was made.
 */
export interface AxisPicture {
  readonly image: GrayImage;
  readonly axis: readonly Point[];
}

/** The same picture with p-ter at the axis's other end (the chromosome read the other way up). */
export function reversedAxisPicture(picture: AxisPicture): AxisPicture {
  return { image: picture.image, axis: [...picture.axis].reverse() };
}
