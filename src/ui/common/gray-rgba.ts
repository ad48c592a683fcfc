/** Whether this machine stores a Uint32 with its lowest byte first (every browser in practice). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Writes 8-bit gray pixels into an RGBA buffer (ImageData.data) as opaque gray, one 32-bit store per
 * pixel, which is about four times quicker than writing byte by byte. Pixels beyond either buffer are
 * left alone.
 */
export function grayToRgba(pixels: Uint8Array, rgba: Uint8ClampedArray): void {
  const n = Math.min(pixels.length, rgba.length >> 2);
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, n);
  const opaque = LITTLE_ENDIAN ? 0xff000000 : 0x000000ff;
  const shift = LITTLE_ENDIAN ? 0 : 8;
  for (let i = 0; i < n; i++) {
    const v = pixels[i] ?? 255;
    words[i] = (((v << 16) | (v << 8) | v) << shift) | opaque;
  }
}
