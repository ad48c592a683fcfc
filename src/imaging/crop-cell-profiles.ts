import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { GrayImage } from '../shared/gray-image';
import type { ChromosomeProfile } from '../shared/profile';
import type { BandLevelEstimate } from './profile/band-level';
import { estimateBandLevel } from './profile/band-level';
import { liesFlat, reversalEvidence, reverseProfile, rotateHalfTurn } from './profile/banding-orientation';
import { BANDING_TEMPLATES } from './profile/banding-templates-data';
import { profilesForCell } from './profile/cell-profiles';

/** One chromosome image of a cell whose type and homolog are already known (a crop of a bundle). */
export interface TypedChromosomeImage {
  readonly type: ChromosomeType;
  /** 0 and 1 for a pair, 2 for a third copy. */
  readonly homolog: number;
  /** Upright chromosome, p-arm up. */
  readonly image: GrayImage;
  /** File (or region) it came from, for messages. */
  readonly source: string;
}

/** A chromosome of a cell, profiled at the cell's common scale. */
export interface ProfiledCellChromosome {
  readonly type: ChromosomeType;
  readonly homolog: number;
  readonly source: string;
  /** 2 × 512 darkness, zero after q-ter. */
  readonly profile: ChromosomeProfile;
  /** Samples before the zero padding. */
  readonly samples: number;
  /** Resampled along the medial axis, p-arm up, for review. */
  readonly straightened: GrayImage;
  /** The chromosome lay flat in its crop, so which end is p-ter was read from its banding. */
  readonly orientedByBanding: boolean;
}

/** Every chromosome of one cell with its profile, and the cell's band level. */
export interface ProfiledCell {
  /** Profile samples per pixel of axis length, common to the cell. */
  readonly samplesPerPixel: number;
  readonly bandLevel: BandLevelEstimate;
  readonly chromosomes: readonly ProfiledCellChromosome[];
}

/**
 * The crop-bundle path of the pipeline (analysis and training use the same one): profiles of every
 * crop of a cell at one common scale, then the cell's band level from them (or the user's override).
 */
export function profileCropCell(
  crops: readonly TypedChromosomeImage[],
  bandLevelOverride?: BandLevel,
): ProfiledCell {
  const profiled = profilesForCell(crops.map((c) => c.image));
  const chromosomes = crops.map((crop, i): ProfiledCellChromosome => {
    const p = profiled.chromosomes[i];
    if (!p) throw new Error(`${crop.source}: no profile was produced`);
    const template = BANDING_TEMPLATES[crop.type];
    // A crop is meant to be upright, p-arm up. One turned by more than 45° (a lab that rotates its crops)
    // has no upper end to call p-ter, so its banding decides (95 % right on pki3 crops, against 50 %).
    const flat = template !== undefined && liesFlat(p.axis);
    const reversed = flat && reversalEvidence(p.profile, p.samples, template) > 0;
    return {
      type: crop.type,
      homolog: crop.homolog,
      source: crop.source,
      profile: reversed ? reverseProfile(p.profile, p.samples) : p.profile,
      samples: p.samples,
      straightened: reversed ? rotateHalfTurn(p.straightened) : p.straightened,
      orientedByBanding: flat,
    };
  });
  const bandLevel = estimateBandLevel(chromosomes, profiled.samplesPerPixel, bandLevelOverride);
  return { samplesPerPixel: profiled.samplesPerPixel, bandLevel, chromosomes };
}
