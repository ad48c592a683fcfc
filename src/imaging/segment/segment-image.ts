import type { GrayImage } from '../../shared/gray-image';
import { inImagingStep } from '../step-marks';
import { darknessImage, estimateBackground, type BackgroundEstimate } from './background';
import { labelComponents, type Labelling } from './components';
import { distanceToBackground } from './distance';
import type { BinaryMask } from './mask';
import { eraseRuleLines, findRuleLines, type RuleLine } from './rule-lines';
import { chooseThresholds, hysteresisThreshold, type HysteresisThresholds } from './threshold';

/** An image cut into objects: what every later stage of layout parsing starts from. */
export interface SegmentedImage {
  readonly background: BackgroundEstimate;
  /** Darkness in [0, 1] per pixel (0 = background), row-major. */
  readonly darkness: Float32Array;
  readonly thresholds: HysteresisThresholds;
  /** Objects with rule lines removed. */
  readonly mask: BinaryMask;
  /** Thin horizontal rules found (karyogram baselines). */
  readonly ruleLines: RuleLine[];
  readonly labelling: Labelling;
  /** Distance of each object pixel to the background, pixels. */
  readonly distance: Float32Array;
}

/**
 * Segments an image: background and polarity, darkness, hysteresis mask, baselines found and erased,
 * components labelled. Rules must be thin relative to the image (a few pixels at 1,000 px) and at least
 * 2.5 % of the image width long.
 */
export function segmentImage(image: GrayImage): SegmentedImage {
  const background = inImagingStep('background and darkness', () => estimateBackground(image));
  const darkness = inImagingStep('background and darkness', () => darknessImage(image, background));
  const thresholds = inImagingStep('threshold', () => chooseThresholds(background, darkness));
  const mask = inImagingStep('threshold', () =>
    hysteresisThreshold(darkness, image.width, image.height, thresholds),
  );
  const maxThickness = Math.max(3, Math.round(Math.min(image.width, image.height) / 300));
  const minLength = Math.max(20, Math.round(0.025 * image.width));
  const ruleLines = inImagingStep('rule lines', () => {
    const lines = findRuleLines(mask, { minLength, maxThickness });
    eraseRuleLines(mask, lines, maxThickness);
    return lines;
  });
  const labelling = inImagingStep('components', () => labelComponents(mask));
  const distance = inImagingStep('distance', () => distanceToBackground(mask));
  return { background, darkness, thresholds, mask, ruleLines, labelling, distance };
}
