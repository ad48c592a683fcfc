import type { BandLevel } from '../shared/chromosome-types';
import type { TrackBand } from './stain-track';

/**
 * Stain → band darkness before the chromatid shape is applied, in [0, 1]. G-positive bands grade from
 * light to near black; centromeres stain mid-gray; the heterochromatin blocks 1q12, 9q12, 16q11.2 and
 * Yq12 (gvar) are dark, while the short-arm heterochromatin and satellites of acrocentrics are pale and
 * variable; stalks are barely stained.
 */
export function bandDensity(band: TrackBand): number {
  switch (band.stain) {
    case 'gneg':
      return 0;
    case 'gpos25':
      return 0.3;
    case 'gpos50':
      return 0.52;
    case 'gpos75':
      return 0.75;
    case 'gpos100':
      return 0.95;
    case 'acen':
      return 0.45;
    case 'gvar':
      return band.acrocentricShortArm ? 0.35 : 0.8;
    case 'stalk':
      return 0.05;
  }
}

/** Size of one chromosome 1 and the blur of band edges at a band level: longer, thinner, finer when less condensed. */
export interface LevelGeometry {
  /** Axis length of chromosome 1 in pixels on the default 1017 × 896 karyogram. */
  readonly chromosome1Px: number;
  /** Width of the two sister chromatids together, pixels. */
  readonly widthPx: number;
  /** Gaussian σ of band edges along the axis, pixels. */
  readonly bandBlurPx: number;
}

export const LEVEL_GEOMETRY: Readonly<Record<BandLevel, LevelGeometry>> = {
  300: { chromosome1Px: 100, widthPx: 23, bandBlurPx: 2.8 },
  400: { chromosome1Px: 116, widthPx: 21, bandBlurPx: 2.3 },
  550: { chromosome1Px: 132, widthPx: 19, bandBlurPx: 1.8 },
  700: { chromosome1Px: 156, widthPx: 17, bandBlurPx: 1.4 },
};

/**
 * Darkness model: gray = 255 × (1 − darkness); a G-negative band is mid-light gray (chromatin, not empty
 * space), G-positive near black. Set so that profiles read back from drawn cells have the darkness of real
 * ones: over all chromosomes of a cell, the 10th/50th/90th percentiles of profile darkness are
 * 0.25/0.42/0.59, against 0.24/0.44/0.60 averaged over the four real karyograms of ../shared/data and the
 * pki3 crops (which alone read 0.37/0.53/0.68). The former 0.08 + 0.88 read 0.18/0.36/0.56 and drew small
 * chromosomes with few dark bands (20, 22) as pale, featureless shapes that real preparations do not show
 * and that the model, trained on real crops, scored as abnormal (research/synthetic-ranking.ts).
 */
export const DARKNESS = {
  /** Darkness of a G-negative band at the chromatid centre. */
  base: 0.25,
  /** Extra darkness of a fully stained (gpos100) band. */
  range: 0.7,
} as const;
