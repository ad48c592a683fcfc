/**
 * A chromosome as the model sees it (paper section 2.1): two gray-mean profiles sampled along the
 * medial axis from p-ter, row 0 the left half, row 1 the right half, stored row-major in one
 * Float32Array of length 2 × PROFILE_LENGTH. Values are darkness in [0, 1] (0 = background); samples
 * after q-ter are 0. All chromosomes of one cell share one scale (samples per pixel of axis length), so
 * relative length is kept.
 */
export const PROFILE_LENGTH = 512;

/** Number of rows of a profile (left and right halves). */
export const PROFILE_ROWS = 2;

/** Darkness profile of one chromosome: 2 × PROFILE_LENGTH values in [0, 1], row-major. */
export type ChromosomeProfile = Float32Array;

export function emptyProfile(): ChromosomeProfile {
  return new Float32Array(PROFILE_ROWS * PROFILE_LENGTH);
}
