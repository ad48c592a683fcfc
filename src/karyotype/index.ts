/**
 * Synthetic karyotypes from ISCN ideograms (issue 3): band tables, nomenclature, derivative chromosomes,
 * rendering of chromosomes and karyograms with their truth, and the paper's artificial abnormalities on
 * profiles. Pure TypeScript on typed arrays: runs in the worker, in Node and in tests.
 */
export type { Arm, Band, Ideogram, Stain } from './ideogram';
export { getIdeogram } from './ideogram';
export { BAND_DATA_SOURCE } from './bands-data';
export type { ChromosomeMetadata } from './chromosome-metadata';
export { ACROCENTRIC_TYPES, chromosomeMetadata, isAcrocentric } from './chromosome-metadata';
export type { BandName, FractionInterval, LocatedBand } from './band-names';
export {
  bandAt,
  bandBreakpoint,
  bandInterval,
  bandRangeLabel,
  locateBand,
  parseBandName,
} from './band-names';
export type {
  Karyotype,
  KaryotypeChange,
  KaryotypeClone,
  NumericalChange,
  StructuralChange,
} from './karyotype-types';
export { KaryotypeSyntaxError } from './karyotype-types';
export { parseKaryotype } from './karyotype-parser';
export { assignClones, normalKaryotypeLike, parseKaryotypeClones } from './karyotype-clones';
export type { Breakpoint, DerivativeChromosome, Segment } from './derivative-types';
export { normalChromosome } from './derivative-types';
export { applyRearrangement } from './derivatives';
export type { CellChromosome } from './cell-chromosomes';
export { cellChromosomes } from './cell-chromosomes';
export type { StainTrack, TrackBand } from './stain-track';
export { stainTrack } from './stain-track';
export type { ChromosomeRenderOptions, RenderedChromosome } from './render-chromosome';
export { renderChromosome } from './render-chromosome';
export { LEVEL_GEOMETRY } from './render-style';
export type {
  KaryogramRenderOptions,
  PixelBox,
  PlacedChromosome,
  RenderedKaryogram,
} from './render-karyogram';
export { renderKaryogram } from './render-karyogram';
export { karyogramSlots } from './karyogram-layout';
export type { SizedProfile } from './true-profile';
export { cellSamplesPerPixel, cellTrueProfiles, trueProfile } from './true-profile';
export type { SyntheticCase, SyntheticCaseOptions, SyntheticCell } from './synthetic-case';
export { childSeed, generateCase } from './synthetic-case';
export type { CaseTruth, CellTruth, ChromosomeTruth } from './case-truth';
export { caseTruth } from './case-truth';
export type { CropFile } from './crop-bundle';
export { cropBundle } from './crop-bundle';
export {
  deleteSegment,
  duplicateSegment,
  insertSegment,
  invertSegment,
  replaceSegment,
  robertsonianRepeat,
} from './profile-edits';
export type { ArtificialChange, ArtificialKind, SegmentLengthRange } from './artificial-changes';
export {
  applyArtificialChange,
  ARTIFICIAL_KINDS,
  drawArtificialChange,
  needsDonor,
  pieceSamples,
  STANDARD_SEGMENTS,
  SUBTLE_SEGMENTS,
} from './artificial-changes';
export type { CellProfiles, HomologIndex, HomologPair } from './artificial-bags';
export { applyChangeToBag, differentTypeBag, sameGroupPartners } from './artificial-bags';
