import type { GrayImage } from '../../shared/gray-image';
import type { DecodeLimits } from './decode-limits';
import type { ImageFormat } from './image-format';

/** How the file stored its pixels, before conversion to 8-bit gray. */
export type SourceColour = 'gray' | 'rgb' | 'palette';

/** One page (cell) of a decoded file, already 8-bit gray with alpha composited onto white. */
export interface DecodedPage {
  readonly image: GrayImage;
  /** 0-based page number within the file; always 0 except for multi-page TIFF. */
  readonly pageIndex: number;
  readonly format: ImageFormat;
  readonly sourceColour: SourceColour;
  /** Bits per sample in the file (1, 2, 4, 8 or 16; BMP reports bits per pixel of palette indices or 8). */
  readonly sourceBitsPerSample: number;
  readonly hadAlpha: boolean;
  /**
   * Things the file got wrong that the decoder worked around unambiguously, e.g. TIFF strip byte counts
   * running past the end of the file, or 16-bit samples that use only 12 of their bits (scaled by the
   * bits used). Empty for a clean file.
   */
  readonly repairs: readonly string[];
}

/** Options of {@link decodeImage}. */
export interface DecodeOptions {
  /** Allocation limits; unset fields take {@link DEFAULT_DECODE_LIMITS}. */
  readonly limits?: Partial<DecodeLimits>;
}
