import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { ChromosomeProfile } from '../../shared/profile';
import {
  relativeAxisCoverage,
  straighteningDoubtful,
  straighteningWarningText,
  type AxisGeometry,
} from './axis-coverage';
import { reversedAxisPicture, type AxisPicture } from './axis-picture';
import type { BandLevelEstimate } from './band-level';
import { estimateBandLevel } from './band-level';
import { liesFlat, reversalEvidence, reverseProfile, rotateHalfTurn } from './banding-orientation';
import { BANDING_TEMPLATES } from './banding-templates-data';
import type { ProfiledChromosome } from './common-scale-profiles';
import {
  commonSamplesPerPixel,
  measureRaster,
  profileMeasuredRaster,
  profilesForCell,
} from './common-scale-profiles';
import { rasterFromCrop } from './chromosome-raster';

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
  /**
   * Which end is p-ter was read from the banding: the chromosome lay flat in its crop, or its banding
   * (or its whole cell's) said the crop was upside down.
   */
  readonly orientedByBanding: boolean;
  /**
   * How much of the chromosome its axis covers, relative to the cell's other chromosomes (about 1; see
   * relativeAxisCoverage): below DOUBTFUL_AXIS_COVERAGE the straightening missed a fold or a hook.
   */
  readonly axisCoverage: number;
  /** The crop (padded) with the straightening axis over it, p-ter first. */
  readonly axisPicture: AxisPicture;
}

/** Every chromosome of one cell with its profile, and the cell's band level. */
export interface ProfiledCell {
  /** Profile samples per pixel of axis length, common to the cell. */
  readonly samplesPerPixel: number;
  readonly bandLevel: BandLevelEstimate;
  readonly chromosomes: readonly ProfiledCellChromosome[];
}

/**
 * Banding evidence (see reversalEvidence) beyond which one upright crop is read the other way up: 0.07 % of
 * pki3's upright validation crops exceed it, and 29 % of the same crops turned upside down do.
 */
export const STRONG_REVERSAL_EVIDENCE = 0.4;

/**
 * A cell whose upright crops' mean evidence is above this was delivered upside down as a whole (a lab
 * whose crops have p-ter at the bottom). On pki3 every cell's mean lies between −0.38 and −0.17, and
 * below −0.03 for any 8 of its crops; needs at least MIN_CROPS_FOR_CELL_ORIENTATION crops with a template.
 */
export const UPSIDE_DOWN_CELL_EVIDENCE = 0.05;
export const MIN_CROPS_FOR_CELL_ORIENTATION = 8;

/**
 * Whether a crop is read the other way up (see profileCropCell).
 * @param evidence reversalEvidence against the type's template, or null without a template
 */
export function readsReversed(evidence: number | null, flat: boolean, cellUpsideDown: boolean): boolean {
  if (evidence === null) return false;
  if (flat) return evidence > 0;
  return cellUpsideDown ? evidence > -STRONG_REVERSAL_EVIDENCE : evidence > STRONG_REVERSAL_EVIDENCE;
}

/** A profiled crop and the banding evidence that decides which end is p-ter. */
interface ReadCrop {
  readonly crop: TypedChromosomeImage;
  readonly profiled: ProfiledChromosome;
  /** reversalEvidence against the type's template, null without a template. */
  readonly evidence: number | null;
  readonly flat: boolean;
}

function readCrop(crop: TypedChromosomeImage, profiled: ProfiledChromosome): ReadCrop {
  const template = BANDING_TEMPLATES[crop.type];
  const evidence =
    template === undefined ? null : reversalEvidence(profiled.profile, profiled.samples, template);
  return { crop, profiled, evidence, flat: evidence !== null && liesFlat(profiled.axis) };
}

/** Whether a whole cell was delivered upside down, from its upright crops' mean evidence. */
function cellReadsUpsideDown(read: readonly ReadCrop[]): boolean {
  const uprightEvidence = read.flatMap((r) => (r.evidence !== null && !r.flat ? [r.evidence] : []));
  return (
    uprightEvidence.length >= MIN_CROPS_FOR_CELL_ORIENTATION &&
    uprightEvidence.reduce((sum, e) => sum + e, 0) / uprightEvidence.length > UPSIDE_DOWN_CELL_EVIDENCE
  );
}

function orientedChromosome(
  read: ReadCrop,
  cellUpsideDown: boolean,
  axisCoverage: number,
): ProfiledCellChromosome {
  const { crop, profiled: p } = read;
  const reversed = readsReversed(read.evidence, read.flat, cellUpsideDown);
  return {
    type: crop.type,
    homolog: crop.homolog,
    source: crop.source,
    profile: reversed ? reverseProfile(p.profile, p.samples) : p.profile,
    samples: p.samples,
    straightened: reversed ? rotateHalfTurn(p.straightened) : p.straightened,
    orientedByBanding: read.flat || reversed,
    axisCoverage,
    axisPicture: reversed ? reversedAxisPicture(p.axisPicture) : p.axisPicture,
  };
}

/**
 * The crop-bundle path of the pipeline (analysis and training use the same one): profiles of every
 * crop of a cell at one common scale, then the cell's band level from them (or the user's override).
 *
 * Orientation: a crop is meant to be upright, p-arm up, and is read so unless its banding (against a
 * per-type template of pki3 averages) says otherwise. A crop turned by more than 45° has no upper end to
 * call p-ter, so its banding decides (95 % right on pki3 crops, against 50 %). An upright crop is turned
 * round only on strong evidence, or when its whole cell was delivered upside down.
 */
export function profileCropCell(
  crops: readonly TypedChromosomeImage[],
  bandLevelOverride?: BandLevel,
): ProfiledCell {
  const profiled = profilesForCell(crops.map((c) => c.image));
  const read = crops.map((crop, i) => {
    const p = profiled.chromosomes[i];
    if (!p) throw new Error(`${crop.source}: no profile was produced`);
    return readCrop(crop, p);
  });
  const cellUpsideDown = cellReadsUpsideDown(read);
  const coverage = relativeAxisCoverage(profiled.chromosomes.map((c) => c.geometry));
  const chromosomes = read.map((r, i) => orientedChromosome(r, cellUpsideDown, coverage[i] ?? 1));
  const bandLevel = estimateBandLevel(chromosomes, profiled.samplesPerPixel, bandLevelOverride);
  return { samplesPerPixel: profiled.samplesPerPixel, bandLevel, chromosomes };
}

/**
 * What a crop cell's other crops contribute to one crop's profile (the common scale, from every axis
 * length, and whether the cell reads upside down), measured once so that a crop can be swapped for an
 * edited image and its pair re-profiled exactly as profileCropCell would profile the edited cell, without
 * redoing the other 44 crops. Training uses it to cut artificial changes into images.
 */
export interface MeasuredCropCell {
  readonly crops: readonly TypedChromosomeImage[];
  /** Medial-axis length, area and width of every crop (its length sets the cell's scale). */
  readonly geometries: readonly AxisGeometry[];
  readonly cellUpsideDown: boolean;
}

export function measureCropCell(crops: readonly TypedChromosomeImage[]): MeasuredCropCell {
  const measured = crops.map((c) => measureRaster(rasterFromCrop(c.image)));
  const samplesPerPixel = commonSamplesPerPixel(measured.map((m) => m.axisLength));
  const read = measured.map((m, i) => {
    const crop = crops[i];
    if (!crop) throw new Error('unreachable: one measurement per crop');
    return readCrop(crop, profileMeasuredRaster(m, samplesPerPixel));
  });
  return { crops, geometries: measured.map((m) => m.geometry), cellUpsideDown: cellReadsUpsideDown(read) };
}

/**
 * Profiles of crops `indices` of a measured cell after crop `replaced` has been swapped for `image`: the
 * cell's common scale follows the new length (a lengthened chromosome 1 rescales its whole cell), the
 * orientation rule is the cell's. The swapped crop's banding alone never turns the cell round.
 */
export function reprofileWithReplacement(
  cell: MeasuredCropCell,
  replaced: number,
  image: GrayImage,
  indices: readonly number[],
): ProfiledCellChromosome[] {
  const swapped = measureRaster(rasterFromCrop(image));
  const geometries = cell.geometries.map((g, i) => (i === replaced ? swapped.geometry : g));
  const samplesPerPixel = commonSamplesPerPixel(geometries.map((g) => g.axisLength));
  const coverage = relativeAxisCoverage(geometries);
  return indices.map((i) => {
    const crop = cell.crops[i];
    if (!crop) throw new RangeError(`crop ${i} is not in the cell`);
    const edited = i === replaced ? { ...crop, image } : crop;
    const measured = i === replaced ? swapped : measureRaster(rasterFromCrop(crop.image));
    return orientedChromosome(
      readCrop(edited, profileMeasuredRaster(measured, samplesPerPixel)),
      cell.cellUpsideDown,
      coverage[i] ?? 1,
    );
  });
}

/**
 * A warning for the reviewer naming the crops whose p-ter end was read from their banding rather than
 * from the crop (upright, p-arm up): their profiles rest on the type's typical banding, which a
 * rearranged chromosome may not have. Null when every crop was read as delivered.
 */
export function orientationWarning(cell: ProfiledCell): string | null {
  const read = cell.chromosomes.filter((c) => c.orientedByBanding).map((c) => baseName(c.source));
  if (read.length === 0) return null;
  return `p-ter read from the banding (crop lying flat or upside down): ${read.join(', ')}`;
}

/**
 * A warning for the reviewer naming the crops whose straightening is doubtful (folded, hooked, arms
 * touching; see DOUBTFUL_AXIS_COVERAGE), null when there are none.
 */
export function straighteningWarning(cell: ProfiledCell): string | null {
  const doubtful = cell.chromosomes
    .filter((c) => straighteningDoubtful(c.axisCoverage))
    .map((c) => `${baseName(c.source)} (${Math.round(100 * c.axisCoverage)} %)`);
  return doubtful.length === 0 ? null : straighteningWarningText(doubtful);
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
