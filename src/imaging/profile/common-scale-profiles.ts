import type { GrayImage } from '../../shared/gray-image';
import { PROFILE_LENGTH, type ChromosomeProfile } from '../../shared/profile';
import { axisGeometry, type AxisGeometry } from './axis-coverage';
import type { AxisPicture } from './axis-picture';
import { medialAxis, polylineLength, type Point } from './medial-axis';
import { rasterFromCrop } from './chromosome-raster';
import { straightenChromosome, type ChromosomeRaster } from './straighten';
import { blurProfile, sigmaForScale } from './resolution-match';
import { inImagingStep } from '../step-marks';

/** Fraction of PROFILE_LENGTH the longest chromosome of a cell fills (the rest is margin). */
export const LONGEST_FILL = 0.9;

/** Upper bound on samples per pixel: beyond this, upsampling only interpolates. */
export const MAX_SAMPLES_PER_PIXEL = 8;

/** The profile of one chromosome of a cell and what it was made from. */
export interface ProfiledChromosome {
  /** 2 × PROFILE_LENGTH darkness values, row 0 left half, row 1 right half, zero after q-ter. */
  readonly profile: ChromosomeProfile;
  /** Samples along the axis before the zero padding. */
  readonly samples: number;
  /** Length of the medial axis, pixels. */
  readonly axisLength: number;
  /** Medial axis, p-ter first, in pixels of the input crop padded by RASTER_MARGIN (image pixels when it comes from analyseKaryogram). */
  readonly axis: Point[];
  /** The chromosome resampled along its axis, p-arm up (for review). */
  readonly straightened: GrayImage;
  readonly truncated: boolean;
  /** Axis length, area and width: what the straightening is checked against (see axis-coverage). */
  readonly geometry: AxisGeometry;
  /** The raster's gray cut-out with `axis` over it, for the reviewer (its axis stays in raster pixels). */
  readonly axisPicture: AxisPicture;
}

/** Profiles of one cell, all at one scale. */
export interface CellProfiles {
  /** Samples per pixel of axis length, shared by every chromosome of the cell. */
  readonly samplesPerPixel: number;
  readonly chromosomes: ProfiledChromosome[];
}

/**
 * Samples per pixel so that the longest axis fills LONGEST_FILL of PROFILE_LENGTH.
 *
 * @param axisLengths lengths of the medial axes, pixels
 */
export function commonSamplesPerPixel(axisLengths: readonly number[]): number {
  const longest = Math.max(1, ...axisLengths);
  return Math.min(MAX_SAMPLES_PER_PIXEL, (LONGEST_FILL * PROFILE_LENGTH) / longest);
}

/** Typical width of a chromosome from its distance map, pixels. */
function rasterWidth(raster: ChromosomeRaster): number {
  let max = 0;
  for (const d of raster.distance) if (d > max) max = d;
  return Math.max(2, 2 * max);
}

/** A chromosome's medial axis, before the cell's scale is known. */
export interface MeasuredRaster {
  readonly raster: ChromosomeRaster;
  /** Medial axis, p-ter first, pixels. */
  readonly axis: Point[];
  /** Length of the axis, pixels. */
  readonly axisLength: number;
  /** Chromosome width used for the axis and the straightening, pixels. */
  readonly width: number;
  readonly geometry: AxisGeometry;
}

/** Finds a raster's medial axis (the costly step, independent of the cell's scale). */
export function measureRaster(raster: ChromosomeRaster, chromosomeWidth?: number): MeasuredRaster {
  const width = chromosomeWidth ?? rasterWidth(raster);
  const axis = inImagingStep('centre line', () => medialAxis(raster.mask, width, raster.distance));
  const axisLength = polylineLength(axis);
  return {
    raster,
    axis,
    axisLength,
    width,
    geometry: inImagingStep('axis geometry', () =>
      axisGeometry(raster.mask, raster.distance, axis, axisLength),
    ),
  };
}

/** One chromosome straightened and profiled at its cell's scale (samples per axis pixel). */
export function profileMeasuredRaster(measured: MeasuredRaster, samplesPerPixel: number): ProfiledChromosome {
  const halfWidth = 0.75 * measured.width + 2;
  const straightened = inImagingStep('profile sampling', () =>
    straightenChromosome(measured.raster, measured.axis, 1 / samplesPerPixel, halfWidth),
  );
  return {
    // At a finer scale than the model's training cells, their detail is blurred away (resolution-match).
    profile: inImagingStep('profile blur', () =>
      blurProfile(straightened.profile, straightened.samples, sigmaForScale(samplesPerPixel)),
    ),
    samples: straightened.samples,
    axisLength: measured.axisLength,
    axis: measured.axis,
    straightened: straightened.image,
    truncated: straightened.truncated,
    geometry: measured.geometry,
    axisPicture: {
      image: measured.raster.gray,
      axis: measured.axis,
      recipe: {
        mask: measured.raster.mask,
        background: measured.raster.background,
        width: measured.width,
        samplesPerPixel,
      },
    },
  };
}

/**
 * Profiles of every chromosome of one cell at one common scale, from their rasters (karyogram cut-outs
 * or crop files). Relative length is kept: a chromosome half as long gives a profile half as long.
 *
 * @param chromosomeWidth typical chromosome width of the cell, pixels (default: from each raster)
 */
export function profileRasters(rasters: readonly ChromosomeRaster[], chromosomeWidth?: number): CellProfiles {
  return profileMeasuredRasters(rasters.map((r) => measureRaster(r, chromosomeWidth)));
}

/** Profiles of a cell's measured rasters at the scale they share (see {@link commonSamplesPerPixel}). */
export function profileMeasuredRasters(measured: readonly MeasuredRaster[]): CellProfiles {
  const samplesPerPixel = commonSamplesPerPixel(measured.map((m) => m.axisLength));
  return { samplesPerPixel, chromosomes: measured.map((m) => profileMeasuredRaster(m, samplesPerPixel)) };
}

/**
 * Profiles of a cell given as single-chromosome crops (one upright chromosome per image, p-arm up, dark
 * on light or light on dark), at one common scale.
 */
export function profilesForCell(chromosomeImages: readonly GrayImage[]): CellProfiles {
  return profileRasters(chromosomeImages.map((image) => rasterFromCrop(image)));
}
