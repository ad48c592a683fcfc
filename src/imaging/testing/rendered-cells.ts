import { cellChromosomes } from '../../karyotype/cell-chromosomes';
import { drawText, fillRect } from '../../karyotype/bitmap-font';
import { karyogramSlots } from '../../karyotype/karyogram-layout';
import { parseKaryotype } from '../../karyotype/karyotype-parser';
import type { KaryogramRenderOptions, PlacedChromosome } from '../../karyotype/render-karyogram';
import { pasteDarker, renderKaryogram } from '../../karyotype/render-karyogram';
import { scaleAndTurn } from '../../karyotype/turn-image';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import { createGrayImage } from '../../shared/gray-image';
import { createRandom } from '../../shared/random';
import type { Random } from '../../shared/random';
import type { Point } from '../segment/mask';

/**
 * Karyograms and spreads for the image tests, drawn by karyotype's painter (the one the app's synthetic
 * cases use), so that layout parsing and profiling are tested on the same pictures the app makes, plus
 * what scanned pages add around them: margins, titles, annotation marks and noise on the background.
 */

/** One drawn chromosome: the ground truth a parsed layout is compared with. */
export interface DrawnChromosome {
  readonly type: ChromosomeType;
  /** Position in its slot, left to right. */
  readonly homolog: number;
  /** A point on its axis at mid-length, pixels. */
  readonly middle: Point;
  /** Width of its picture (bends included), pixels. */
  readonly width: number;
}

export interface RenderedCellOptions extends Omit<KaryogramRenderOptions, 'level'> {
  /** Default 400. */
  readonly level?: BandLevel;
  /** Default 1. */
  readonly seed?: number;
  /** White margin added on the left and top, pixels. Default 0. */
  readonly margin?: number;
  /** σ of Gaussian noise on every pixel, background included (scanner noise, JPEG), gray levels. Default 0. */
  readonly scannerNoise?: number;
  /** A title over the rows and an annotation arrow with a number beside slot 9, as vendors print. */
  readonly annotations?: boolean;
}

/** A one-cell karyogram of `karyotype` (ISCN, e.g. "47,XX,+21") and what was drawn where. */
export function renderedKaryogram(
  karyotype: string,
  options: RenderedCellOptions = {},
): { image: GrayImage; chromosomes: DrawnChromosome[] } {
  const { level = 400, seed = 1, margin = 0, scannerNoise = 0, annotations = false, ...render } = options;
  const random = createRandom(seed);
  const cell = cellChromosomes(parseKaryotype(karyotype), level, random);
  const karyogram = renderKaryogram(cell, { ...render, level }, random);
  const { image } = karyogram;
  if (annotations) annotate(image, options);
  const framed = withMargin(image, margin);
  if (scannerNoise > 0) addNoise(framed, scannerNoise, random);
  return { image: framed, chromosomes: karyogram.chromosomes.map((c) => drawnChromosome(c, margin)) };
}

function drawnChromosome(placed: PlacedChromosome, margin: number): DrawnChromosome {
  const { rendered, box } = placed;
  const mid = Math.floor(rendered.axisLengthPx / 2);
  return {
    type: placed.cell.type,
    homolog: placed.cell.homolog,
    middle: {
      x: margin + box.x + (rendered.axisX[mid] ?? 0),
      y: margin + box.y + rendered.axisTop + mid,
    },
    width: box.width,
  };
}

/** A title at the top left and, beside slot 9, a thin arrow pointing at it with a "1" (a marked finding). */
function annotate(image: GrayImage, options: RenderedCellOptions): void {
  const zoom = image.height / 896;
  const scale = Math.max(1, Math.round(3 * zoom));
  drawText(image, '46XY', Math.round(20 * zoom), Math.round(8 * zoom), scale);
  const slots = options.slots ?? karyogramSlots(image.width, image.height);
  const nine = slots.find((slot) => slot.type === '9');
  if (!nine) return;
  const size = Math.round(16 * zoom);
  const x = nine.x + nine.width - size;
  const y = nine.baselineY - 2 * size;
  for (let k = 0; k < 2 * size; k++) fillRect(image, x + k, Math.round(y - k / 2), 2, 2, 30);
  for (let k = 0; k < size / 2; k++) fillRect(image, x + k, Math.round(y + k / 2), 2, 2, 30);
  drawText(image, '1', x + 2 * size + 4, y - size, Math.max(1, Math.round(2 * zoom)), 30);
}

/** `image` with `margin` white pixels added on the left and top. */
function withMargin(image: GrayImage, margin: number): GrayImage {
  if (margin === 0) return image;
  const framed = createGrayImage(image.width + margin, image.height + margin);
  pasteDarker(framed, image, margin, margin);
  return framed;
}

function addNoise(image: GrayImage, sigma: number, random: Random): void {
  for (let i = 0; i < image.pixels.length; i++) {
    const v = (image.pixels[i] ?? 255) + sigma * random.normal();
    image.pixels[i] = Math.min(255, Math.max(0, Math.round(v)));
  }
}

/** A metaphase-like spread: the chromosomes of a 46,XY cell turned at random and scattered over the picture. */
export function renderedSpread(seed: number): GrayImage {
  const random = createRandom(seed);
  const cell = cellChromosomes(parseKaryotype('46,XY'), 400, random);
  const { chromosomes } = renderKaryogram(cell, { level: 400 }, random);
  const image = createGrayImage(1400, 1400);
  for (const { rendered } of chromosomes) {
    const turned = scaleAndTurn(rendered.image, 1, random.uniform(0, Math.PI));
    const r = random.uniform(0, 620);
    const phi = random.uniform(0, 2 * Math.PI);
    const x = Math.round(700 + r * Math.cos(phi) - turned.width / 2);
    const y = Math.round(700 + r * Math.sin(phi) - turned.height / 2);
    pasteDarker(image, turned, x, y);
  }
  return image;
}

/**
 * A picture that is neither a karyogram nor a metaphase: three dark round blobs on white (what a scanned
 * photograph of a few objects would give). Layout parsing refuses it, and so does the arrangement.
 */
export function renderedBlobs(): GrayImage {
  const image = createGrayImage(300, 200);
  for (const { cx, cy } of [
    { cx: 50, cy: 50 },
    { cx: 150, cy: 120 },
    { cx: 240, cy: 60 },
  ])
    for (let y = -12; y <= 12; y++)
      for (let x = -12; x <= 12; x++) if (x * x + y * y <= 144) image.pixels[(cy + y) * 300 + cx + x] = 40;
  return image;
}
