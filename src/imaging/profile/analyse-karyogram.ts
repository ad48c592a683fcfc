import type { BandLevel } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { LocatedChromosome } from '../layout/karyogram-layout';
import { parseKaryogram } from '../layout/parse-karyogram';
import { relativeAxisCoverage, straighteningDoubtful, straighteningWarningText } from './axis-coverage';
import { estimateBandLevel, type BandLevelEstimate } from './band-level';
import { checkpointFor } from './checkpoint';
import {
  measureRaster,
  profileMeasuredRasters,
  type MeasuredRaster,
  type ProfiledChromosome,
} from './common-scale-profiles';
import { RASTER_MARGIN, rasterFromImage } from './chromosome-raster';
import { inImagingStep } from '../step-marks';

/** Stages reported to `onProgress`, in order. */
export type AnalysisStage = 'layout' | 'profiles' | 'band-level';

/** Options of {@link analyseKaryogram}. */
export interface AnalyseKaryogramOptions {
  /**
   * Checked between stages and between chromosomes, with a macrotask let in at least every 50 ms so
   * that a cancel posted to the worker lands; an aborted signal rejects with its reason.
   */
  readonly signal?: AbortSignal;
  /** Called with the stage and the fraction of the whole analysis done, [0, 1]. */
  readonly onProgress?: (stage: AnalysisStage, fraction: number) => void;
  /** The user's band level for the cell; replaces the estimate. */
  readonly bandLevel?: BandLevel;
}

/**
 * One chromosome of an analysed karyogram: where it is, what type, and what the model reads. Its `axis`
 * is in image pixels (p-ter first), ready to draw over the karyogram.
 */
export interface AnalysedChromosome extends LocatedChromosome, ProfiledChromosome {
  /** How much of it the axis covers relative to the cell's other chromosomes (see relativeAxisCoverage). */
  readonly axisCoverage: number;
}

/** Everything {@link analyseKaryogram} found in one karyogram (one cell). */
export interface KaryogramAnalysis {
  readonly width: number;
  readonly height: number;
  /** In karyogram order (type, then homolog). */
  readonly chromosomes: AnalysedChromosome[];
  readonly bandLevel: BandLevelEstimate;
  /** Samples per pixel of axis length shared by all profiles of the cell. */
  readonly samplesPerPixel: number;
  readonly warnings: string[];
}

/**
 * Karyogram image → typed chromosomes with straightened images and model profiles, and the cell's band
 * level. Pure computation on typed arrays (runs in a Web Worker and in Node); the abort signal is
 * honoured between stages and between chromosomes.
 *
 * @throws KaryogramRejectedError when the image is not a karyogram
 */
export async function analyseKaryogram(
  image: GrayImage,
  options: AnalyseKaryogramOptions = {},
): Promise<KaryogramAnalysis> {
  const { onProgress } = options;
  const checkpoint = checkpointFor(options.signal);
  // Yield once so a caller can abort or render before the synchronous work starts.
  await Promise.resolve();
  await checkpoint();
  onProgress?.('layout', 0);
  const layout = parseKaryogram(image);
  await checkpoint();
  onProgress?.('profiles', 0.4);
  // Chromosome by chromosome (the medial axis is the costly step), so that a cancel lands in between.
  const measured: MeasuredRaster[] = [];
  for (const c of layout.chromosomes) {
    const raster = inImagingStep('raster', () => rasterFromImage(image, c.box, c.mask, layout.background));
    measured.push(measureRaster(raster, layout.chromosomeWidth));
    await checkpoint();
  }
  const profiles = profileMeasuredRasters(measured);
  await checkpoint();
  onProgress?.('band-level', 0.9);
  const warnings = [...layout.warnings];
  const coverage = relativeAxisCoverage(profiles.chromosomes.map((c) => c.geometry));
  const doubtful: string[] = [];
  const chromosomes = layout.chromosomes.map((located, i): AnalysedChromosome => {
    const profiled = profiles.chromosomes[i];
    if (profiled === undefined) throw new Error('profile missing for a located chromosome');
    if (profiled.truncated) warnings.push(`type ${located.type}: profile cut off at the profile length`);
    const axisCoverage = coverage[i] ?? 1;
    if (straighteningDoubtful(axisCoverage)) {
      doubtful.push(
        `type ${located.type} homolog ${located.homolog + 1} (${Math.round(100 * axisCoverage)} %)`,
      );
    }
    const dx = located.box.x0 - RASTER_MARGIN;
    const dy = located.box.y0 - RASTER_MARGIN;
    return {
      ...located,
      ...profiled,
      axis: profiled.axis.map((p) => ({ x: p.x + dx, y: p.y + dy })),
      axisCoverage,
    };
  });
  if (doubtful.length > 0) warnings.push(straighteningWarningText(doubtful));
  const bandLevel = estimateBandLevel(chromosomes, profiles.samplesPerPixel, options.bandLevel);
  onProgress?.('band-level', 1);
  return {
    width: image.width,
    height: image.height,
    chromosomes,
    bandLevel,
    samplesPerPixel: profiles.samplesPerPixel,
    warnings,
  };
}
