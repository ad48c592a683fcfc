import { ImageInputError } from './image-input-error';

/**
 * Upper bounds on what a decoder agrees to allocate. They are checked against the header *before* any
 * pixel buffer exists, so a 40-byte file that claims to be 2^31 pixels wide costs nothing.
 */
export interface DecodeLimits {
  /** Widest accepted image, in pixels. */
  readonly maxWidth: number;
  /** Tallest accepted image, in pixels. */
  readonly maxHeight: number;
  /** Largest accepted width × height of one page, in pixels. */
  readonly maxPixels: number;
  /** Most pages read from one multi-page file (each page is one cell). */
  readonly maxPages: number;
}

/** 20,000 × 20,000 px, 100 Mpx per page, 256 pages: far above any karyogram scan, far below memory limits. */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  maxWidth: 20_000,
  maxHeight: 20_000,
  maxPixels: 100_000_000,
  maxPages: 256,
};

/** Fills unset fields from {@link DEFAULT_DECODE_LIMITS}. */
export function resolveDecodeLimits(limits: Partial<DecodeLimits> | undefined): DecodeLimits {
  return { ...DEFAULT_DECODE_LIMITS, ...limits };
}

/**
 * Throws `corrupt` for non-positive or non-integer sizes and `too-large` past the limits.
 * @param where names the page for multi-page files, e.g. "page 2"; empty for single images.
 */
export function checkDimensions(
  file: string,
  width: number,
  height: number,
  limits: DecodeLimits,
  where = '',
): void {
  const prefix = where === '' ? '' : `${where}: `;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new ImageInputError(file, 'corrupt', `${prefix}declares invalid dimensions ${width}×${height}`);
  }
  if (width > limits.maxWidth || height > limits.maxHeight || width * height > limits.maxPixels) {
    throw new ImageInputError(
      file,
      'too-large',
      `${prefix}declares ${width}×${height} pixels, above the limit of ${limits.maxWidth}×${limits.maxHeight} and ${limits.maxPixels} pixels`,
    );
  }
}
