import { ImageInputError } from '../../imaging/decode/image-input-error';

/**
 * Pixels one case may decode in all: 512 Mpx, e.g. 32 pages of the 16 Mpx analysed at most, or 70 of the
 * largest real karyogram here (7.5 Mpx). Past it every further page is refused with the reason, so that a
 * case of many large files (or many pages pointing at one strip) is decided in bounded time.
 */
export const MAX_CASE_PIXELS = 512_000_000;

/** The pixels a case has left to decode, spent page by page as the cells are profiled. */
export class CasePixelBudget {
  private spent = 0;

  constructor(readonly limit = MAX_CASE_PIXELS) {}

  /** Counts a decoded page; throws `too-large` naming `file` when it takes the case past the limit. */
  spend(file: string, pixels: number): void {
    if (this.spent + pixels > this.limit) {
      throw new ImageInputError(
        file,
        'too-large',
        `left out: the case's images already hold ${Math.round(this.spent / 1_000_000)} Mpx and this one would take them past the ${Math.round(this.limit / 1_000_000)} Mpx analysed per case (split the case, or reduce its images)`,
      );
    }
    this.spent += pixels;
  }
}
