/** Why an image was refused as a karyogram. */
export type KaryogramRejection =
  /** Too little of the image is a clean, uniform background (a photograph, a microscope field). */
  | 'no-clean-background'
  /** Objects are scattered with no rows (a metaphase spread) or the rows cannot be told apart. */
  | 'no-row-structure'
  /** Far fewer chromosome-like objects than a karyogram holds. */
  | 'too-few-chromosomes'
  /** Far more objects than a karyogram holds (noise, a photograph, a scan of text). */
  | 'too-many-objects'
  /** A karyogram, but its chromosomes are too few pixels wide to count and profile (a scaled-down copy). */
  | 'too-low-resolution';

const MESSAGES: Record<KaryogramRejection, string> = {
  'no-clean-background': 'no clean uniform background: this looks like a photograph, not a karyogram',
  'no-row-structure': 'chromosomes are not arranged in karyogram rows: this looks like a metaphase spread',
  'too-few-chromosomes': 'too few chromosome-like objects for a karyogram',
  'too-many-objects': 'far too many separate objects for a karyogram',
  'too-low-resolution':
    'chromosomes too narrow to read: counts and bands are unreliable below this size (a scaled-down copy? use the original image)',
};

/** Thrown when an image is not a karyogram in ISCN layout; `reason` says why, `detail` gives figures. */
export class KaryogramRejectedError extends Error {
  readonly reason: KaryogramRejection;
  readonly detail: string;

  constructor(reason: KaryogramRejection, detail: string) {
    super(
      reason === 'too-low-resolution'
        ? `karyogram refused: ${MESSAGES[reason]} (${detail})`
        : `not a karyogram: ${MESSAGES[reason]} (${detail})`,
    );
    this.name = 'KaryogramRejectedError';
    this.reason = reason;
    this.detail = detail;
  }
}
