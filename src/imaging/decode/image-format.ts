/** Raster formats the decoder reads. */
export type ImageFormat = 'png' | 'jpeg' | 'bmp' | 'tiff';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((value, index) => bytes[index] === value);
}

/**
 * Recognises the format from its magic bytes; the file name's extension is never trusted (scanners save
 * BMPs as .tif, people rename files). Returns `null` for anything else, including BigTIFF.
 */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 14) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  return null;
}

/** True for a BigTIFF header (`II+\0` / `MM\0+`), which is recognised only to refuse it clearly. */
export function isBigTiff(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b]);
}
