import { distanceToBackground } from '../segment/distance';
import type { BinaryMask } from '../segment/mask';

/**
 * The pixels of a mask that belong to blobs at least `radius` pixels thick (interphase nuclei beside
 * chromosomes about half as thick): the morphological opening of the mask by a disc of that radius,
 * the union of the discs that fit inside it. A chromosome touching a nucleus keeps its own pixels, so
 * the nucleus can be taken away without losing it (a whole component dropped as a nucleus took the
 * chromosomes lying against it along).
 *
 * @param distance distance of each object pixel to the background (distanceToBackground of `mask`)
 * @param rim pixels beyond the discs taken with them (a nucleus's edge is ragged)
 * @returns 1 for a nucleus pixel, row-major like the mask; null when no blob is that thick
 */
export function nucleusPixels(
  mask: BinaryMask,
  distance: Float32Array,
  radius: number,
  rim: number,
): Uint8Array | null {
  const { width, height } = mask;
  // Padded by more than the radius with object pixels, so the image's edge is not taken for a centre.
  const pad = Math.ceil(radius + rim) + 2;
  const paddedWidth = width + 2 * pad;
  const paddedHeight = height + 2 * pad;
  const notCentre = new Uint8Array(paddedWidth * paddedHeight).fill(1);
  let centres = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if ((distance[y * width + x] ?? 0) >= radius) {
        notCentre[(y + pad) * paddedWidth + x + pad] = 0;
        centres++;
      }
  if (centres === 0) return null;
  const toCentre = distanceToBackground({ width: paddedWidth, height: paddedHeight, data: notCentre });
  const nucleus = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // The discs, and the ragged rim just outside them that the threshold gives a nucleus's edge.
      if (mask.data[i] !== 0 && (toCentre[(y + pad) * paddedWidth + x + pad] ?? 0) <= radius + rim)
        nucleus[i] = 1;
    }
  return nucleus;
}
