import type { GrayImage } from '../../shared/gray-image';
import { darknessImage, estimateBackground } from '../segment/background';
import { labelComponents, type Component } from '../segment/components';
import { distanceToBackground } from '../segment/distance';
import type { BinaryMask, PixelBox } from '../segment/mask';
import { chooseThresholds, hysteresisThreshold } from '../segment/threshold';
import { chromosomeHalfWidth } from './chromosome-half-width';
import { armsRoundThickCentre } from './crossing-arms';
import { nucleusPixels } from './nucleus-pixels';
import { splitAtNecks, type NeckRules } from './split-at-necks';
import { stainWeightedDistance } from './stain-weighted-distance';

/** One chromosome found in a metaphase without annotation (or, when `doubt` says so, more than one). */
export interface MetaphaseObject {
  /** Image pixels, x1 and y1 exclusive; the mask is relative to it. */
  readonly box: PixelBox;
  readonly mask: BinaryMask;
  /** Pixels in `mask`. */
  readonly area: number;
  /**
   * `crossing`: a thick centre with three or more arms leaving it, two chromosomes crossing (or one
   * ending on another) that the neck cut cannot part: doubtful, not guessed apart. Null otherwise.
   */
  readonly doubt: 'crossing' | null;
  /** Whether it was cut from a larger object at a neck (touching chromosomes parted). */
  readonly cut: boolean;
}

/** A metaphase cut into chromosome objects. */
export interface MetaphaseSegmentation {
  readonly width: number;
  readonly height: number;
  /** Per image pixel, row-major: the index of its object in `objects` plus one; 0 for none. */
  readonly objectOf: Int32Array;
  readonly objects: readonly MetaphaseObject[];
  /** The spread's typical chromosome half-width, pixels. */
  readonly halfWidth: number;
  /** Objects left out: round blobs much thicker than a chromosome, and specks too small to be one. */
  readonly dropped: { readonly nuclei: number; readonly debris: number };
}

/** Options of {@link segmentMetaphase}; the defaults are the measured ones (docs/segmentation.md). */
export interface SegmentMetaphaseOptions {
  /** Cut touching chromosomes at their necks (default true); false keeps every component whole. */
  readonly splitTouching?: boolean;
  /** See NeckRules.neckShare. */
  readonly neckShare?: number;
  /**
   * Look for necks in the stain-weighted distance (stainWeightedDistance, default true) rather than in
   * the outline's distance alone.
   */
  readonly stainNecks?: boolean;
}

/** An object thinner than this many h² of pixels is a speck (a small chromosome holds about 9 h²). */
export const DEBRIS_AREA = 3;

/** An object reaching this many half-widths from the background is a nucleus, not chromosomes. */
export const NUCLEUS_THICKNESS = 2.5;

/** Half-widths of a nucleus's ragged edge taken away with it. */
const NUCLEUS_RIM = 0.5;

/** An object whose ridge stays below this share of h is a sliver (a nucleus's rim, a scratch). */
const MIN_RIDGE_SHARE = 0.6;

/** Half-widths over which the stain is averaged for the stain-weighted distance. */
const STAIN_RADIUS = 0.5;

/**
 * An object with more than this many 1/h of its pixels on its rim (one pixel from the background) is
 * lace, the mottled cytoplasm round a nucleus broken up by the threshold: a chromosome, a band 2h wide
 * with a rim pixel on each side, has about 1/h of them.
 */
const MAX_RIM = 2;

/** Default NeckRules.neckShare: the neck's half-width against the thinner side's ridge. */
export const NECK_SHARE = 0.55;

/**
 * Finds the chromosomes of a metaphase from its image alone. The objects are those of the annotated
 * path (background from the histogram, hysteresis threshold, 8-connected components); the chromosome
 * half-width h is read from the spread's ridge (chromosomeHalfWidth). Blobs thicker than
 * NUCLEUS_THICKNESS h are interphase nuclei: their pixels are taken away (nucleusPixels) before the
 * objects are labelled. Specks (under DEBRIS_AREA h²), slivers and lace are left out. Touching
 * chromosomes are cut where they meet in a thin neck (splitAtNecks); an object whose thick centre has
 * three or more arms (armsRoundThickCentre) is marked a crossing. See docs/segmentation.md.
 *
 * @param image dark chromosomes on a light background (see normalisePolarity)
 */
export function segmentMetaphase(
  image: GrayImage,
  options: SegmentMetaphaseOptions = {},
): MetaphaseSegmentation {
  const { width, height } = image;
  const background = estimateBackground(image);
  const darkness = darknessImage(image, background);
  const mask = hysteresisThreshold(darkness, width, height, chooseThresholds(background, darkness));
  const rawDistance = distanceToBackground(mask);
  const h = chromosomeHalfWidth(rawDistance, width, height);
  // Nuclei are taken away pixel by pixel: a chromosome lying against one stays.
  const nucleus = h > 0 ? nucleusPixels(mask, rawDistance, NUCLEUS_THICKNESS * h, NUCLEUS_RIM * h) : null;
  let nuclei = 0;
  let distance = rawDistance;
  if (nucleus !== null) {
    nuclei = labelComponents({ width, height, data: nucleus }).components.length;
    for (let i = 0; i < nucleus.length; i++) if (nucleus[i] !== 0) mask.data[i] = 0;
    distance = distanceToBackground(mask);
  }
  const labelling = labelComponents(mask);
  const neckMap =
    options.stainNecks !== false
      ? stainWeightedDistance(mask, distance, darkness, STAIN_RADIUS * h)
      : distance;
  const rules: NeckRules = {
    halfWidth: h,
    neckShare: options.neckShare ?? NECK_SHARE,
    minPartArea: DEBRIS_AREA,
  };
  const objectOf = new Int32Array(width * height);
  const objects: MetaphaseObject[] = [];
  let debris = 0;
  for (const component of labelling.components) {
    if (component.area < DEBRIS_AREA * h * h) {
      debris++;
      continue;
    }
    const local = localObject(component, labelling.labels, distance, width);
    const localNecks =
      neckMap === distance
        ? local.distance
        : localObject(component, labelling.labels, neckMap, width).distance;
    if (isSliverOrLace(local.distance, component.area, h)) {
      debris++;
      continue;
    }
    const split =
      options.splitTouching === false
        ? { part: local.mask.data, parts: 1 }
        : splitAtNecks(local.mask, localNecks, local.distance, rules);
    for (let p = 1; p <= split.parts; p++) {
      const piece = pieceOf(split.part, p, component.box);
      if (piece === null) continue;
      const pieceDistance = cropped(local.distance, component.box, piece.box);
      const arms = armsRoundThickCentre(piece.mask, pieceDistance, h);
      objects.push({ ...piece, doubt: arms >= 3 ? 'crossing' : null, cut: split.parts > 1 });
      const index = objects.length;
      for (let y = piece.box.y0; y < piece.box.y1; y++)
        for (let x = piece.box.x0; x < piece.box.x1; x++)
          if (piece.mask.data[(y - piece.box.y0) * piece.mask.width + (x - piece.box.x0)] !== 0)
            objectOf[y * width + x] = index;
    }
  }
  return { width, height, objectOf, objects, halfWidth: h, dropped: { nuclei, debris } };
}

/** Whether an object is too thin (a sliver) or too holed (lace) to be a chromosome. */
function isSliverOrLace(distance: Float32Array, area: number, h: number): boolean {
  let ridge = 0;
  let rim = 0;
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] ?? 0;
    if (d > ridge) ridge = d;
    if (d > 0 && d <= 1) rim++;
  }
  return ridge < MIN_RIDGE_SHARE * h || rim * h > MAX_RIM * area;
}

/** One component in its own box: its mask and its pixels' distance to the background. */
function localObject(
  component: Component,
  labels: Int32Array,
  distance: Float32Array,
  imageWidth: number,
): { mask: BinaryMask; distance: Float32Array } {
  const { box } = component;
  const w = box.x1 - box.x0;
  const hgt = box.y1 - box.y0;
  const data = new Uint8Array(w * hgt);
  const local = new Float32Array(w * hgt);
  for (let y = 0; y < hgt; y++)
    for (let x = 0; x < w; x++) {
      const i = (y + box.y0) * imageWidth + x + box.x0;
      if (labels[i] !== component.label) continue;
      data[y * w + x] = 1;
      local[y * w + x] = distance[i] ?? 0;
    }
  return { mask: { width: w, height: hgt, data }, distance: local };
}

/** Part `p` of a split, in its own (tight) box in image pixels; null when it has no pixel. */
function pieceOf(
  part: Int32Array | Uint8Array,
  p: number,
  frame: PixelBox,
): { box: PixelBox; mask: BinaryMask; area: number } | null {
  const fw = frame.x1 - frame.x0;
  const fh = frame.y1 - frame.y0;
  let x0 = fw;
  let y0 = fh;
  let x1 = 0;
  let y1 = 0;
  let area = 0;
  for (let y = 0; y < fh; y++)
    for (let x = 0; x < fw; x++) {
      if (part[y * fw + x] !== p) continue;
      area++;
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x + 1 > x1) x1 = x + 1;
      if (y + 1 > y1) y1 = y + 1;
    }
  if (area === 0) return null;
  const w = x1 - x0;
  const data = new Uint8Array(w * (y1 - y0));
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) if (part[y * fw + x] === p) data[(y - y0) * w + (x - x0)] = 1;
  return {
    box: { x0: frame.x0 + x0, y0: frame.y0 + y0, x1: frame.x0 + x1, y1: frame.y0 + y1 },
    mask: { width: w, height: y1 - y0, data },
    area,
  };
}

/** The values of `values` (laid out over `frame`) within `box`, laid out over `box`. */
function cropped(values: Float32Array, frame: PixelBox, box: PixelBox): Float32Array {
  const fw = frame.x1 - frame.x0;
  const w = box.x1 - box.x0;
  const out = new Float32Array(w * (box.y1 - box.y0));
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++)
      out[(y - box.y0) * w + (x - box.x0)] = values[(y - frame.y0) * fw + (x - frame.x0)] ?? 0;
  return out;
}
