import { PROFILE_LENGTH, type ChromosomeProfile } from '../../shared/profile';

/**
 * The coarsest common scale (profile samples per pixel of axis) among pki3's cells, the only lab the
 * shipped model learned from: 2.75 (0.5th–50th percentile 2.83–3.64, 449 cells of 278 cases). A cell at
 * a finer scale (a larger image of the same chromosomes: 1.1–2.6 on the karyograms and tseng metaphases
 * of ../shared/data) puts detail into its profiles that no training profile had: film grain, stain
 * speckle, JPEG blocks. Measured with the shipped model, blurring such profiles to this scale
 * (sigmaForScale) took the false flags on the 12 karyograms read from 44 to 37 (AICS-106, a grainy
 * image at 1.69, from 12 to 6; `npm run -s karyograms`) and on the 62 tseng validation patients from
 * 0.63 to 0.55 per case (`npm run -s choose-threshold`); no pki3 cell is touched. Blurring to pki3's
 * median (3.6) instead touches half of pki3's cells and gained nothing more on the karyograms.
 */
export const REFERENCE_SAMPLES_PER_PIXEL = 2.75;

/**
 * How much to blur the profiles of a cell profiled at `samplesPerPixel` (Gaussian sigma, samples): the
 * extra length of a reference pixel over one of the cell's, sqrt(ref² − spp²); 0 at or above the
 * reference.
 */
export function sigmaForScale(samplesPerPixel: number): number {
  return samplesPerPixel < REFERENCE_SAMPLES_PER_PIXEL
    ? Math.sqrt(REFERENCE_SAMPLES_PER_PIXEL ** 2 - samplesPerPixel ** 2)
    : 0;
}

/**
 * Blurs both rows of a profile along the axis (Gaussian, `sigma` samples) over its first `samples`
 * samples, the kernel renormalised at the ends so that the chromosome's tips do not fade into the zero
 * padding; the padding stays 0. Returns the profile itself when sigma is below a tenth of a sample.
 */
export function blurProfile(profile: ChromosomeProfile, samples: number, sigma: number): ChromosomeProfile {
  if (!(sigma >= 0.1) || samples < 2) return profile;
  const radius = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) =>
    Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)),
  );
  const out = new Float32Array(profile.length);
  for (const row of [0, PROFILE_LENGTH]) {
    for (let i = 0; i < samples; i++) {
      let sum = 0;
      let weight = 0;
      for (let k = -radius; k <= radius; k++) {
        const j = i + k;
        if (j < 0 || j >= samples) continue;
        const w = kernel[k + radius] ?? 0;
        sum += w * (profile[row + j] ?? 0);
        weight += w;
      }
      out[row + i] = weight > 0 ? sum / weight : 0;
    }
  }
  return out;
}
