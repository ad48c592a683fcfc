/**
 * A decoded single-channel image in the portable layers. Pixels are row-major, 8-bit gray, 0 = black,
 * 255 = white (16-bit sources are scaled down, colour sources converted to luminance). Width and height
 * are in pixels.
 */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export function createGrayImage(width: number, height: number, fill = 255): GrayImage {
  const pixels = new Uint8Array(width * height);
  if (fill !== 0) pixels.fill(fill);
  return { width, height, pixels };
}
