import { emptyProfile, PROFILE_LENGTH, PROFILE_ROWS } from '../shared/profile';
import type { SizedProfile } from './true-profile';

/**
 * Profile-level edits behind the paper's artificial abnormalities (appendix A.1). All positions are in
 * samples from p-ter, half-open [start, end); every edit returns a new profile, clipped to
 * PROFILE_LENGTH with zero padding, and never modifies its inputs. Rows are copied row to row (left
 * half stays left); see `invertSegment` for why.
 */

/** A piece of a profile: which samples (both rows) to copy, optionally reversed along the length. */
interface Piece {
  readonly from: SizedProfile;
  readonly start: number;
  readonly end: number;
  readonly reversed?: boolean;
  readonly swapRows?: boolean;
}

function assemble(pieces: readonly Piece[]): SizedProfile {
  const profile = emptyProfile();
  let length = 0;
  for (const piece of pieces) {
    const count = piece.end - piece.start;
    for (let i = 0; i < count && length < PROFILE_LENGTH; i++, length++) {
      const source = piece.start + (piece.reversed === true ? count - 1 - i : i);
      for (let row = 0; row < PROFILE_ROWS; row++) {
        const sourceRow = piece.swapRows === true ? PROFILE_ROWS - 1 - row : row;
        profile[row * PROFILE_LENGTH + length] = piece.from.profile[sourceRow * PROFILE_LENGTH + source] ?? 0;
      }
    }
  }
  return { profile, length };
}

/** Checks that [start, end) is a non-empty stretch of `p`. */
function checkRange(p: SizedProfile, start: number, end: number, what: string): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= p.length && start < end)) {
    throw new Error(`${what}: segment [${start}, ${end}) is not inside a profile of length ${p.length}`);
  }
}

/** Deleted: samples [start, end) removed; the profile gets shorter by end − start. */
export function deleteSegment(p: SizedProfile, start: number, end: number): SizedProfile {
  checkRange(p, start, end, 'deleteSegment');
  return assemble([
    { from: p, start: 0, end: start },
    { from: p, start: end, end: p.length },
  ]);
}

/**
 * Added: `donor`'s samples [donorStart, donorEnd) inserted before sample `at` of `p` (0 … p.length);
 * longer by the piece. With `donor = p` this is a duplication with its own fragment.
 */
export function insertSegment(
  p: SizedProfile,
  at: number,
  donor: SizedProfile,
  donorStart: number,
  donorEnd: number,
): SizedProfile {
  checkRange(donor, donorStart, donorEnd, 'insertSegment');
  if (!(Number.isInteger(at) && at >= 0 && at <= p.length))
    throw new Error(`insertSegment: site ${at} is outside 0…${p.length}`);
  return assemble([
    { from: p, start: 0, end: at },
    { from: donor, start: donorStart, end: donorEnd },
    { from: p, start: at, end: p.length },
  ]);
}

/** Duplicated: samples [start, end) repeated in tandem right after themselves; longer by end − start. */
export function duplicateSegment(p: SizedProfile, start: number, end: number): SizedProfile {
  return insertSegment(p, end, p, start, end);
}

/**
 * Replaced by itself (inversion): samples [start, end) in reverse order in BOTH rows; length kept.
 *
 * A piece turned upside down in the plane of the picture (a 180° turn) would also swap its left and
 * right halves. We do not swap by default: both sister chromatids carry the same DNA, so the left/right
 * difference of an image comes from bending and uneven staining at that place of the picture, not from
 * the sequence; a real inverted chromosome shows no left/right discontinuity at its breakpoints, and
 * swapping would hand the model a cue that exists only in artificial data. `swapHalves: true` gives the
 * literal 180° turn.
 */
export function invertSegment(p: SizedProfile, start: number, end: number, swapHalves = false): SizedProfile {
  checkRange(p, start, end, 'invertSegment');
  return assemble([
    { from: p, start: 0, end: start },
    { from: p, start, end, reversed: true, swapRows: swapHalves },
    { from: p, start: end, end: p.length },
  ]);
}

/**
 * Replaced by another chromosome's piece (balanced translocation): samples [start, end) of `p` replaced by
 * as many samples of `donor` from `donorStart`; length kept.
 */
export function replaceSegment(
  p: SizedProfile,
  start: number,
  end: number,
  donor: SizedProfile,
  donorStart: number,
): SizedProfile {
  checkRange(p, start, end, 'replaceSegment');
  checkRange(donor, donorStart, donorStart + (end - start), 'replaceSegment donor');
  return assemble([
    { from: p, start: 0, end: start },
    { from: donor, start: donorStart, end: donorStart + (end - start) },
    { from: p, start: end, end: p.length },
  ]);
}

/**
 * Robertsonian: the profile mirrored and repeated, q-ter … p-ter p-ter … q-ter, like two long arms fused
 * at their centromeres; twice as long, clipped to PROFILE_LENGTH.
 */
export function robertsonianRepeat(p: SizedProfile): SizedProfile {
  return assemble([
    { from: p, start: 0, end: p.length, reversed: true },
    { from: p, start: 0, end: p.length },
  ]);
}
