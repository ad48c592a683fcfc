import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { ChromosomeProfile } from '../../shared/profile';
import { median } from '../../shared/statistics';
import { darknessImage, estimateBackground } from '../segment/background';
import { labelComponents } from '../segment/components';
import type { PixelBox } from '../segment/mask';
import { chooseThresholds, hysteresisThreshold } from '../segment/threshold';
import {
  relativeAxisCoverage,
  straighteningDoubtful,
  straighteningWarningText,
} from '../profile/axis-coverage';
import { reversedAxisPicture, type AxisPicture } from '../profile/axis-picture';
import { estimateBandLevel, type BandLevelEstimate } from '../profile/band-level';
import { reverseProfile, rotateHalfTurn } from '../profile/banding-orientation';
import { BANDING_TEMPLATES } from '../profile/banding-templates-data';
import { rasterFromImage } from '../profile/chromosome-raster';
import { profileRasters } from '../profile/common-scale-profiles';
import { cutOutBoxes } from './box-cut-outs';
import { orientCopiesTogether } from './pair-orientation';
import type { MetaphaseAnnotation } from './voc-annotation';

/** A cut-out of fewer pixels than this holds no chromosome to profile. */
const MIN_CUT_OUT_PIXELS = 20;

/** One annotated chromosome of a metaphase, straightened and profiled. */
export interface MetaphaseChromosome {
  readonly type: ChromosomeType;
  /** 0, 1, … in the order of the annotation among the boxes of its type. */
  readonly homolog: number;
  /** 2 × 512 darkness from p-ter (read from the banding), zero after q-ter. */
  readonly profile: ChromosomeProfile;
  /** Samples before the zero padding. */
  readonly samples: number;
  /** Resampled along its centre line, p-arm up. */
  readonly straightened: GrayImage;
  /** Its axis's coverage relative to the cell's other chromosomes (see relativeAxisCoverage). */
  readonly axisCoverage: number;
  /** The box's surroundings with the centre line over it, p-ter first. */
  readonly axisPicture: AxisPicture;
  /** The annotated box, image pixels. */
  readonly box: PixelBox;
  /** Why its cut-out may hold part of another object (see cutOutBoxes), absent when it stands free. */
  readonly cutOutDoubt?: string;
}

/** Everything {@link analyseAnnotatedMetaphase} read from one metaphase (one cell). */
export interface MetaphaseAnalysis {
  /** In the order of the annotation. */
  readonly chromosomes: readonly MetaphaseChromosome[];
  readonly bandLevel: BandLevelEstimate;
  readonly samplesPerPixel: number;
  readonly warnings: readonly string[];
}

/** Options of {@link analyseAnnotatedMetaphase}. */
export interface AnalyseMetaphaseOptions {
  /** Checked between stages. */
  readonly signal?: AbortSignal;
  /** The user's band level for the cell; replaces the estimate. */
  readonly bandLevel?: BandLevel;
}

/**
 * A metaphase image with a labelled box round each chromosome → the chromosomes straightened and
 * profiled, as a karyogram's are. The image is segmented once (background, hysteresis threshold,
 * objects); each box's chromosome is cut out (cutOutBoxes); all are profiled at one scale. Which end is
 * p-ter is read from the banding, a type's copies together (orientCopiesTogether), since a metaphase
 * has no "up"; the
 * warnings say so, and name the cut-outs that touch or cross another object and the doubtful centre
 * lines.
 *
 * @param image dark chromosomes on a light background (see normalisePolarity)
 */
export function analyseAnnotatedMetaphase(
  image: GrayImage,
  annotation: MetaphaseAnnotation,
  options: AnalyseMetaphaseOptions = {},
): MetaphaseAnalysis {
  const background = estimateBackground(image);
  const darkness = darknessImage(image, background);
  const mask = hysteresisThreshold(
    darkness,
    image.width,
    image.height,
    chooseThresholds(background, darkness),
  );
  const allCutOuts = cutOutBoxes(labelComponents(mask), annotation.boxes);
  // A box round nothing the threshold sees (a faint chromosome, a wrong box) has nothing to profile.
  const empty = allCutOuts.filter((c) => c.areaPixels < MIN_CUT_OUT_PIXELS);
  const cutOuts = allCutOuts.filter((c) => c.areaPixels >= MIN_CUT_OUT_PIXELS);
  options.signal?.throwIfAborted();
  const rasters = cutOuts.map((c) => rasterFromImage(image, c.box, c.mask, background));
  // The cell's chromosome width from the free-standing ones: a crossing widens its cut-out's maximum.
  const widths = rasters
    .filter((_, i) => cutOuts[i]?.doubt === null)
    .map((r) => 2 * r.distance.reduce((max, d) => Math.max(max, d), 0));
  const profiles = profileRasters(rasters, widths.length > 0 ? Math.max(2, median(widths)) : undefined);
  options.signal?.throwIfAborted();
  const coverage = relativeAxisCoverage(profiles.chromosomes.map((c) => c.geometry));
  const reversedAt = orientCopiesTogether(
    cutOuts.map((cut, i) => {
      const p = profiles.chromosomes[i];
      return { type: cut.type, profile: p?.profile ?? new Float32Array(0), samples: p?.samples ?? 0 };
    }),
    BANDING_TEMPLATES,
  );
  const copies = new Map<ChromosomeType, number>();
  const doubtfulAxes: string[] = [];
  const doubtfulCutOuts: string[] = [];
  const chromosomes = cutOuts.map((cut, i): MetaphaseChromosome => {
    const p = profiles.chromosomes[i];
    if (p === undefined) throw new Error('unreachable: one profile per cut-out');
    const homolog = copies.get(cut.type) ?? 0;
    copies.set(cut.type, homolog + 1);
    const reversed = reversedAt[i] ?? false;
    const axisCoverage = coverage[i] ?? 1;
    const name = `${cut.label} copy ${homolog + 1}`;
    if (straighteningDoubtful(axisCoverage))
      doubtfulAxes.push(`${name} (${Math.round(100 * axisCoverage)} %)`);
    if (cut.doubt !== null) doubtfulCutOuts.push(`${name}: ${cut.doubt}`);
    return {
      type: cut.type,
      homolog,
      profile: reversed ? reverseProfile(p.profile, p.samples) : p.profile,
      samples: p.samples,
      straightened: reversed ? rotateHalfTurn(p.straightened) : p.straightened,
      axisCoverage,
      // In raster pixels (the box plus RASTER_MARGIN), like a crop's.
      axisPicture: reversed ? reversedAxisPicture(p.axisPicture) : p.axisPicture,
      box: cut.box,
      ...(cut.doubt === null ? {} : { cutOutDoubt: cut.doubt }),
    };
  });
  const warnings = ['p-ter read from the banding for every chromosome (a metaphase has no upright)'];
  if (empty.length > 0)
    warnings.push(
      `no chromosome found in the box of ${empty.map((c) => `${c.label} at (${c.box.x0}, ${c.box.y0})`).join(', ')}: left out`,
    );
  if (doubtfulCutOuts.length > 0)
    warnings.push(
      `cut-out doubtful (touching or crossing another object; left out of the verdict where other cells have the pair): ${doubtfulCutOuts.join('; ')}`,
    );
  if (doubtfulAxes.length > 0) warnings.push(straighteningWarningText(doubtfulAxes));
  for (const [i, c] of chromosomes.entries())
    if (profiles.chromosomes[i]?.truncated === true)
      warnings.push(`${cutOuts[i]?.label ?? c.type}: profile cut off at the profile length`);
  return {
    chromosomes,
    bandLevel: estimateBandLevel(chromosomes, profiles.samplesPerPixel, options.bandLevel),
    samplesPerPixel: profiles.samplesPerPixel,
    warnings,
  };
}
