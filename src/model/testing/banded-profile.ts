import { PROFILE_LENGTH } from '../../shared/profile';

/** Darkness of the bands of the test chromosomes, p-ter first: alternating light and dark, all distinct. */
export const TEST_BANDS: readonly number[] = [
  0.2, 0.8, 0.3, 0.9, 0.25, 0.6, 0.15, 0.85, 0.4, 0.7, 0.2, 0.95, 0.35, 0.5, 0.1, 0.75,
];

/**
 * A chromosome profile of `samples` samples made of `bands` of equal length; the right half is
 * `rightShare` as dark as the left (two halves of a real chromosome are alike, not equal).
 */
export function bandedProfile(bands: readonly number[], samples: number, rightShare = 1): Float32Array {
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < samples; i++) {
    const band = bands[Math.floor((i / samples) * bands.length)] ?? 0;
    profile[i] = band;
    profile[PROFILE_LENGTH + i] = band * rightShare;
  }
  return profile;
}
