import type { DecodeLimits } from '../decode/decode-limits';
import { ImageInputError } from '../decode/image-input-error';
import type { InputIssue } from './case-input-plan';

/** Options shared by `readCrops` and `readKaryograms`. */
export interface ReadImagesOptions {
  /** Allocation limits per image; unset fields take `DEFAULT_DECODE_LIMITS`. */
  readonly limits?: Partial<DecodeLimits>;
  /**
   * Return every image dark-on-light, inverting light-on-dark (Q-band/DAPI) ones. Karyograms are judged
   * one by one; crops per cell, by a vote of all its crops. Default true.
   */
  readonly normalisePolarity?: boolean;
  /** Checked between files; an aborted read rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each file with files done and files in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The per-file error entry for anything a read or decode threw. */
export function issueFrom(path: string, error: unknown): InputIssue {
  return { path, message: error instanceof ImageInputError ? error.detail : String(error) };
}
