export { decodeImage } from './decode-image';
export type { DecodedPage, DecodeOptions, SourceColour } from './decoded-page';
export { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decode-limits';
export { detectImageFormat, type ImageFormat } from './image-format';
export { ImageInputError, type ImageInputReason } from './image-input-error';
export {
  detectPolarity,
  detectSharedPolarity,
  invertGray,
  normalisePolarity,
  type Polarity,
  type PolarityEstimate,
  type PolarityNormalised,
} from './polarity';
