import type { GrayImage } from '../../shared/gray-image';
import { darknessLookup, estimateCropBackground, type BackgroundEstimate } from '../segment/background';
import { labelComponents } from '../segment/components';
import { distanceToBackground } from '../segment/distance';
import { horizontalOverlap, type BinaryMask, type PixelBox } from '../segment/mask';
import { fillHoles } from '../segment/mask-tools';
import { chooseThresholds, hysteresisThreshold } from '../segment/threshold';
import type { ChromosomeRaster } from './straighten';

/** Pixels of margin kept around a chromosome so bilinear sampling at its rim sees background. */
export const RASTER_MARGIN = 3;
const MARGIN = RASTER_MARGIN;

function rasterFrom(
  gray: GrayImage,
  objectMask: BinaryMask,
  background: BackgroundEstimate,
): ChromosomeRaster {
  // Pale gaps between sister chromatids are chromatin too: fill them so they are sampled and widths hold.
  const mask = fillHoles(objectMask);
  const lut = darknessLookup(background);
  const darkness = new Float32Array(gray.pixels.length);
  for (let i = 0; i < darkness.length; i++) darkness[i] = lut[gray.pixels[i] ?? 0] ?? 0;
  return {
    gray,
    darkness,
    mask,
    distance: distanceToBackground(mask),
    backgroundGray: Math.round(background.level),
    background: { level: background.level, lightObjects: background.lightObjects },
  };
}

/**
 * The raster of one chromosome located in a larger image: a crop of `box` plus RASTER_MARGIN pixels on
 * every side (raster pixel (0, 0) is image pixel (box.x0 − 3, box.y0 − 3)), with the chromosome's mask
 * (given relative to `box`) placed in it.
 */
export function rasterFromImage(
  image: GrayImage,
  box: PixelBox,
  boxMask: BinaryMask,
  background: BackgroundEstimate,
): ChromosomeRaster {
  const x0 = box.x0 - MARGIN;
  const y0 = box.y0 - MARGIN;
  const width = box.x1 - box.x0 + 2 * MARGIN;
  const height = box.y1 - box.y0 + 2 * MARGIN;
  const pixels = new Uint8Array(width * height).fill(Math.round(background.level));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = y0 + y;
    if (sy < 0 || sy >= image.height) continue;
    for (let x = 0; x < width; x++) {
      const sx = x0 + x;
      if (sx < 0 || sx >= image.width) continue;
      pixels[y * width + x] = image.pixels[sy * image.width + sx] ?? 0;
      const mx = x - MARGIN;
      const my = y - MARGIN;
      if (mx >= 0 && my >= 0 && mx < boxMask.width && my < boxMask.height) {
        data[y * width + x] = boxMask.data[my * boxMask.width + mx] ?? 0;
      }
    }
  }
  return rasterFrom({ width, height, pixels }, { width, height, data }, background);
}

/**
 * The raster of a single-chromosome crop (a crop bundle file: one upright chromosome, p-arm up, maybe
 * with bits of neighbours at the edges). The chromosome is the largest object plus the parts stacked
 * with it (a chromosome broken at a pale band); other objects are left out of the mask. The crop is
 * padded by RASTER_MARGIN pixels of background on every side.
 */
export function rasterFromCrop(crop: GrayImage): ChromosomeRaster {
  const background = estimateCropBackground(crop);
  const padded = padImage(crop, MARGIN, Math.round(background.level));
  const lut = darknessLookup(background);
  const darkness = new Float32Array(padded.pixels.length);
  for (let i = 0; i < darkness.length; i++) darkness[i] = lut[padded.pixels[i] ?? 0] ?? 0;
  const mask = hysteresisThreshold(
    darkness,
    padded.width,
    padded.height,
    chooseThresholds(background, darkness),
  );
  const labelling = labelComponents(mask);
  const largest = [...labelling.components].sort((a, b) => b.area - a.area)[0];
  const keep = new Set<number>();
  if (largest !== undefined) {
    for (const c of labelling.components) {
      const stacked =
        horizontalOverlap(c.box, largest.box) >=
        0.5 * Math.min(c.box.x1 - c.box.x0, largest.box.x1 - largest.box.x0);
      if (c === largest || (stacked && c.area >= 0.05 * largest.area)) keep.add(c.label);
    }
  }
  const data = new Uint8Array(mask.data.length);
  for (let i = 0; i < data.length; i++) data[i] = keep.has(labelling.labels[i] ?? 0) ? 1 : 0;
  return rasterFrom(padded, { width: padded.width, height: padded.height, data }, background);
}

function padImage(image: GrayImage, margin: number, fill: number): GrayImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const pixels = new Uint8Array(width * height).fill(fill);
  for (let y = 0; y < image.height; y++) {
    pixels.set(image.pixels.subarray(y * image.width, (y + 1) * image.width), (y + margin) * width + margin);
  }
  return { width, height, pixels };
}
