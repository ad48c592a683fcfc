import type { GrayImage } from '../../shared/gray-image';
import type { BinaryMask, Point } from '../segment/mask';
import type { DarknessReference } from './straighten';

/**
 * What the straightening of a chromosome used besides its gray cut-out, so that it can be straightened
 * again along another centre line (the reviewer's) exactly as the first time.
 */
export interface StraighteningRecipe {
  /** The chromosome's own pixels in the cut-out (neighbours removed, holes filled). */
  readonly mask: BinaryMask;
  /** The background its darkness is measured from. */
  readonly background: DarknessReference;
  /** Chromosome width the straightening was set for, pixels (the sampled strip is 0.75 × width + 2 each side). */
  readonly width: number;
  /** Profile samples per pixel of axis, shared by every chromosome of its cell. */
  readonly samplesPerPixel: number;
}

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
  /** How to straighten it again along another line; absent in cases saved before it was kept. */
  readonly recipe?: StraighteningRecipe;
}

/** The same picture with p-ter at the axis's other end (the chromosome read the other way up). */
export function reversedAxisPicture(picture: AxisPicture): AxisPicture {
  return { ...picture, axis: [...picture.axis].reverse() };
}
