import type { GrayImage } from '../../shared/gray-image';
import { median } from '../../shared/statistics';
import { relativeAxisCoverage } from '../profile/axis-coverage';
import { rasterFromImage } from '../profile/chromosome-raster';
import {
  commonSamplesPerPixel,
  measureRaster,
  profileMeasuredRaster,
  type ProfiledChromosome,
} from '../profile/common-scale-profiles';
import { estimateBackground } from '../segment/background';
import {
  segmentMetaphase,
  type MetaphaseSegmentation,
  type SegmentMetaphaseOptions,
} from './segment-metaphase';

/**
 * An object longer than this many times the cell's median object sets no scale: it is two chromosomes
 * end to end or a crossing (chromosome 1 is about 2.2 times a cell's median chromosome). It is still
 * profiled, at the others' scale (and cut off at the profile length if it must be).
 */
const SCALE_OUTLIER = 2.6;

/** One object of a metaphase found without annotation, straightened and profiled as it lies. */
export interface SegmentedChromosome {
  /** Index into the segmentation's objects. */
  readonly object: number;
  /** Profiled in the direction its centre line happened to run: which end is p-ter is not known yet. */
  readonly profiled: ProfiledChromosome;
  /** Its axis's coverage relative to the cell's other objects (see relativeAxisCoverage). */
  readonly axisCoverage: number;
}

/** A metaphase segmented (segmentMetaphase) and each object profiled at one scale. */
export interface SegmentedMetaphaseProfiles {
  readonly segmentation: MetaphaseSegmentation;
  /** In the order of the segmentation's objects. */
  readonly chromosomes: readonly SegmentedChromosome[];
  readonly samplesPerPixel: number;
}

/**
 * A metaphase image without annotation → its objects, straightened and profiled as a karyogram's
 * chromosomes are, at the scale the cell's chromosome-sized objects share. The objects are not typed
 * and not oriented: that is the type classifier's and the banding templates' work.
 *
 * @param image dark chromosomes on a light background (see normalisePolarity)
 */
export function profileSegmentedMetaphase(
  image: GrayImage,
  options: SegmentMetaphaseOptions & { readonly signal?: AbortSignal } = {},
): SegmentedMetaphaseProfiles {
  const segmentation = segmentMetaphase(image, options);
  options.signal?.throwIfAborted();
  const background = estimateBackground(image);
  const width = Math.max(2, 2 * segmentation.halfWidth);
  const measured = segmentation.objects.map((o) =>
    measureRaster(rasterFromImage(image, o.box, o.mask, background), width),
  );
  options.signal?.throwIfAborted();
  const lengths = measured.map((m) => m.axisLength);
  const typical = median(lengths);
  const scaleSetting = lengths.filter(
    (length, i) => segmentation.objects[i]?.doubt === null && length <= SCALE_OUTLIER * typical,
  );
  const samplesPerPixel = commonSamplesPerPixel(scaleSetting.length > 0 ? scaleSetting : lengths);
  const coverage = relativeAxisCoverage(measured.map((m) => m.geometry));
  return {
    segmentation,
    samplesPerPixel,
    chromosomes: measured.map((m, i) => ({
      object: i,
      profiled: profileMeasuredRaster(m, samplesPerPixel),
      axisCoverage: coverage[i] ?? 1,
    })),
  };
}
