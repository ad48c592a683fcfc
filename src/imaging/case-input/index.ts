export type {
  CaseInputPlan,
  CasePlan,
  CellPlan,
  CropCell,
  CropFile,
  InputIssue,
  KaryogramCell,
} from './case-input-plan';
export { classifyCaseInput, type ClassifyOptions } from './classify-case-input';
export { parseCropName, type CropName, type HomologIndex } from './file-names';
export { prepareCaseInput, type PrepareOptions } from './prepare-case-input';
export { readKaryograms, type DecodedKaryogram, type ReadKaryogramsResult } from './read-karyograms';
export type { ReadImagesOptions } from './read-options';
export {
  readCrops,
  type DecodedCrop,
  type DecodedCropCell,
  type ReadCropsOptions,
  type ReadCropsResult,
} from './read-crops';
export { normaliseInputPath, virtualFile, type VirtualFile } from './virtual-file';
export { openZipArchive, type OpenedZip } from './zip-input';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits';
