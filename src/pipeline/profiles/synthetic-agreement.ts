import type { KaryogramAnalysis } from '../../imaging/profile/analyse-karyogram';
import type { RenderedKaryogram } from '../../karyotype/render-karyogram';
import { cellTrueProfiles } from '../../karyotype/true-profile';
import { PROFILE_LENGTH } from '../../shared/profile';
import { pearson } from '../../shared/statistics';

/** How well the image pipeline read a synthetic karyogram whose truth is known. */
export interface CellAgreement {
  readonly expected: number;
  readonly found: number;
  /** Found chromosomes that overlap a true one of the same type and homolog position. */
  readonly correct: number;
  /** Every chromosome found, none missing, each with the right type and homolog. */
  readonly allRight: boolean;
  /** Pearson r between each correctly found chromosome's profile and its true profile. */
  readonly correlations: readonly number[];
}

const POINTS = 128;

/** Mean of both rows over the first `samples` samples, resampled to POINTS values. */
function track(profile: Float32Array, samples: number): Float64Array {
  const out = new Float64Array(POINTS);
  const n = Math.max(2, Math.min(PROFILE_LENGTH, samples));
  for (let i = 0; i < POINTS; i++) {
    const x = (i * (n - 1)) / (POINTS - 1);
    const i0 = Math.floor(x);
    const i1 = Math.min(n - 1, i0 + 1);
    const at = (k: number): number => 0.5 * ((profile[k] ?? 0) + (profile[PROFILE_LENGTH + k] ?? 0));
    out[i] = at(i0) * (1 - (x - i0)) + at(i1) * (x - i0);
  }
  return out;
}

/**
 * Compares an analysis with the truth of the karyogram it was made from: each found chromosome is
 * matched to the true one its box overlaps most, then type, homolog position and profile are checked.
 */
export function cellAgreement(truth: RenderedKaryogram, analysis: KaryogramAnalysis): CellAgreement {
  const trueProfiles = cellTrueProfiles(truth);
  let correct = 0;
  const correlations: number[] = [];
  for (const found of analysis.chromosomes) {
    let best = -1;
    let bestOverlap = 0;
    truth.chromosomes.forEach((placed, i) => {
      const b = placed.box;
      const w = Math.min(found.box.x1, b.x + b.width) - Math.max(found.box.x0, b.x);
      const h = Math.min(found.box.y1, b.y + b.height) - Math.max(found.box.y0, b.y);
      const overlap = Math.max(0, w) * Math.max(0, h);
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = i;
      }
    });
    const placed = truth.chromosomes[best];
    if (!placed || placed.cell.type !== found.type || placed.cell.homolog !== found.homolog) continue;
    correct++;
    const expected = trueProfiles[best]?.profile;
    if (expected) {
      correlations.push(
        pearson(track(found.profile, found.samples), track(expected.profile, expected.length)),
      );
    }
  }
  const expected = truth.chromosomes.length;
  const found = analysis.chromosomes.length;
  return { expected, found, correct, allRight: found === expected && correct === expected, correlations };
}
