export { analyseKaryogram } from './analyse-karyogram';
export type {
  AnalyseKaryogramOptions,
  AnalysedChromosome,
  AnalysisStage,
  KaryogramAnalysis,
} from './analyse-karyogram';
export { estimateBandLevel, countDarkBands } from './band-level';
export type { BandLevelEstimate, BandCountInput } from './band-level';
export { profilesForCell, profileRasters, commonSamplesPerPixel } from './common-scale-profiles';
export type { CellProfiles, ProfiledChromosome } from './common-scale-profiles';
export { rasterFromCrop, rasterFromImage } from './chromosome-raster';
export { medialAxis, polylineLength, resamplePolyline } from './medial-axis';
export type { Point } from './medial-axis';
export { straightenChromosome } from './straighten';
export type { ChromosomeRaster, StraightenedChromosome } from './straighten';
export { timeKaryogramAnalysis } from './time-analysis';
export type { AnalysisTiming } from './time-analysis';
export { RASTER_MARGIN } from './chromosome-raster';
export { LONGEST_FILL, MAX_SAMPLES_PER_PIXEL } from './common-scale-profiles';
