/**
 * Why an input file was refused. Callers branch on this, people read `message`.
 * - `empty`: zero bytes.
 * - `unknown-format`: the first bytes match no supported format (PNG, JPEG, BMP, TIFF).
 * - `truncated`: the file ends before the data its header promises.
 * - `too-large`: declared dimensions or page count exceed the configured limits (checked before allocating).
 * - `unsupported`: a valid file using a feature this decoder does not implement (e.g. tiled TIFF, CMYK).
 * - `corrupt`: the bytes contradict the format (bad header values, undecodable compressed data).
 */
export type ImageInputReason =
  'empty' | 'unknown-format' | 'truncated' | 'too-large' | 'unsupported' | 'corrupt';

/**
 * A file that cannot be turned into pixels. The message is `<file>: <detail>` so that it can be printed
 * as is (the CLI prints `error: <file>: <detail>`).
 */
export class ImageInputError extends Error {
  override readonly name = 'ImageInputError';
  /** The file name or path the caller passed in, unchanged. */
  readonly file: string;
  readonly reason: ImageInputReason;
  /** The human-readable part of the message, without the file name. */
  readonly detail: string;

  constructor(file: string, reason: ImageInputReason, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${detail}`, options);
    this.file = file;
    this.reason = reason;
    this.detail = detail;
  }
}

/** Wraps anything a third-party decoder threw (they throw strings, plain Errors, RangeErrors) as `corrupt`. */
export function asImageInputError(file: string, format: string, error: unknown): ImageInputError {
  if (error instanceof ImageInputError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new ImageInputError(file, 'corrupt', `corrupt ${format} data (${text})`, { cause: error });
}
