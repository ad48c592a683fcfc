import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { GrayImage } from '../shared/gray-image';
import { createGrayImage } from '../shared/gray-image';
import type { Random } from '../shared/random';
import { drawText, fillRect, textWidth } from './bitmap-font';
import type { CellChromosome } from './cell-chromosomes';
import { getIdeogram } from './ideogram';
import { karyogramSlots, REFERENCE_SIZE } from './karyogram-layout';
import type { RenderedChromosome } from './render-chromosome';
import { renderChromosome } from './render-chromosome';
import { LEVEL_GEOMETRY } from './render-style';
import type { StainTrack } from './stain-track';
import { stainTrack } from './stain-track';

/** Pixel rectangle in a karyogram. */
export interface PixelBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One chromosome drawn on a karyogram, with where it is and what it is. */
export interface PlacedChromosome {
  readonly cell: CellChromosome;
  readonly track: StainTrack;
  readonly rendered: RenderedChromosome;
  /** Bounding box of `rendered.image` on the karyogram, pixels (clipped to the canvas). */
  readonly box: PixelBox;
}

export interface KaryogramRenderOptions {
  readonly level: BandLevel;
  /** Canvas size in pixels; default 1017 × 896 like common vendor exports. */
  readonly width?: number;
  readonly height?: number;
  /** Pixel noise on chromosomes, gray levels (σ). Default 5. */
  readonly noiseGray?: number;
  /** Gentle bending of chromosomes; default true. */
  readonly bend?: boolean;
}

export interface RenderedKaryogram {
  readonly image: GrayImage;
  readonly chromosomes: readonly PlacedChromosome[];
  /** Axis pixels per ISCN length unit used for this cell (all its chromosomes share it). */
  readonly pixelsPerUnit: number;
}

const HOMOLOG_GAP_PX = 7;
/** Gray of baselines and printed numbers: near black, as vendors print them. */
const BASELINE_GRAY = 10;

/**
 * Draws one cell in ISCN layout: rows 1–5, 6–12, 13–18, 19–22 + X + Y, homologs side by side standing
 * on a baseline with the type printed under it. The cell's condensation (scale) varies a little from
 * cell to cell, as it does between metaphases.
 */
export function renderKaryogram(
  chromosomes: readonly CellChromosome[],
  options: KaryogramRenderOptions,
  random: Random,
): RenderedKaryogram {
  const width = options.width ?? REFERENCE_SIZE.width;
  const height = options.height ?? REFERENCE_SIZE.height;
  const image = createGrayImage(width, height);
  const zoom = height / REFERENCE_SIZE.height;
  const geometry = LEVEL_GEOMETRY[options.level];
  const condensation = 1 + 0.05 * random.normal();
  const pixelsPerUnit =
    ((geometry.chromosome1Px * zoom) / getIdeogram('1', options.level).length) * condensation;
  const placed: PlacedChromosome[] = [];
  for (const slot of karyogramSlots(width, height)) {
    const inSlot = chromosomes.filter((c) => c.type === slot.type);
    const drawn = inSlot.map((cell) => {
      const track = stainTrack(cell.chromosome, options.level);
      const rendered = renderChromosome(
        track,
        {
          pixelsPerUnit,
          widthPx: geometry.widthPx * zoom,
          bandBlurPx: geometry.bandBlurPx * zoom,
          ...(options.noiseGray === undefined ? {} : { noiseGray: options.noiseGray }),
          ...(options.bend === undefined ? {} : { bend: options.bend }),
        },
        random,
      );
      return { cell, track, rendered };
    });
    const gap = Math.round(HOMOLOG_GAP_PX * zoom);
    const total =
      drawn.reduce((sum, d) => sum + d.rendered.image.width, 0) + gap * Math.max(0, drawn.length - 1);
    // Clamped so that a very long derivative or many copies stay on the canvas (and their boxes valid).
    let x = Math.max(0, Math.round(slot.x + slot.width / 2 - total / 2));
    for (const d of drawn) {
      const lift = Math.round((3 + random.int(0, 3)) * zoom);
      const y = Math.max(0, slot.baselineY - lift - d.rendered.image.height);
      pasteDarker(image, d.rendered.image, x, y);
      const box = {
        x,
        y,
        width: Math.min(d.rendered.image.width, width - x),
        height: Math.min(d.rendered.image.height, height - y),
      };
      placed.push({ ...d, box });
      x += d.rendered.image.width + gap;
    }
    drawSlotLabel(image, slot.type, slot.x, slot.width, slot.baselineY, zoom);
  }
  return { image, chromosomes: placed, pixelsPerUnit };
}

function drawSlotLabel(
  image: GrayImage,
  type: ChromosomeType,
  x: number,
  width: number,
  baselineY: number,
  zoom: number,
): void {
  fillRect(image, x, baselineY, width, Math.max(1, Math.round(zoom)), BASELINE_GRAY);
  const scale = Math.max(1, Math.round(2 * zoom));
  drawText(
    image,
    type,
    Math.round(x + width / 2 - textWidth(type, scale) / 2),
    baselineY + Math.round(14 * zoom),
    scale,
    BASELINE_GRAY,
  );
}

/** Copies `tile` into `image` at (x, y) keeping the darker pixel, so overlapping neighbours both show. */
export function pasteDarker(image: GrayImage, tile: GrayImage, x: number, y: number): void {
  for (let ty = 0; ty < tile.height; ty++) {
    const iy = y + ty;
    if (iy < 0 || iy >= image.height) continue;
    for (let tx = 0; tx < tile.width; tx++) {
      const ix = x + tx;
      if (ix < 0 || ix >= image.width) continue;
      const i = iy * image.width + ix;
      image.pixels[i] = Math.min(image.pixels[i] ?? 255, tile.pixels[ty * tile.width + tx] ?? 255);
    }
  }
}
