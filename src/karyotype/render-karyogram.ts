import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { GrayImage } from '../shared/gray-image';
import { createGrayImage } from '../shared/gray-image';
import type { Random } from '../shared/random';
import { drawText, fillRect, textWidth } from './bitmap-font';
import type { CellChromosome } from './cell-chromosomes';
import { getIdeogram } from './ideogram';
import type { KaryogramSlot } from './karyogram-layout';
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
  /**
   * Where each type's chromosomes stand; default the common vendor layout on this canvas (karyogramSlots).
   * Chromosomes of a type without a slot are left out, as on a page that lost a row.
   */
  readonly slots?: readonly KaryogramSlot[];
  /** A baseline under each slot (default), one across each row of slots, or none: vendors differ. */
  readonly baselines?: 'slot' | 'row' | 'none';
  /** Print each slot's type under it; default true. */
  readonly numbers?: boolean;
  /** Types whose chromosomes are pushed together until they touch, as homologs often do on real pages. */
  readonly touching?: readonly ChromosomeType[];
  /**
   * Types whose first chromosome is broken in two by a pale gap across it at mid-length (a stretched pale
   * band); its `halfMeans` do not show the gap.
   */
  readonly broken?: readonly ChromosomeType[];
  /** Types whose first chromosome is curled into one strong C instead of the gentle bend. */
  readonly curled?: readonly ChromosomeType[];
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
  const slots = options.slots ?? karyogramSlots(width, height);
  const line = Math.max(1, Math.round(zoom));
  const placed: PlacedChromosome[] = [];
  for (const slot of slots) {
    const inSlot = chromosomes.filter((c) => c.type === slot.type);
    const drawn = inSlot.map((cell, k) => {
      // The oddities below apply to the slot's first chromosome only, so that its homolog shows the norm.
      const listed = (types: readonly ChromosomeType[] | undefined): boolean =>
        k === 0 && (types?.includes(slot.type) ?? false);
      const track = stainTrack(cell.chromosome, options.level);
      const rendered = renderChromosome(
        track,
        {
          pixelsPerUnit,
          widthPx: geometry.widthPx * zoom,
          bandBlurPx: geometry.bandBlurPx * zoom,
          ...(options.noiseGray === undefined ? {} : { noiseGray: options.noiseGray }),
          ...(options.bend === undefined ? {} : { bend: options.bend }),
          ...(listed(options.curled) ? { curl: true } : {}),
        },
        random,
      );
      if (listed(options.broken)) breakAcross(rendered, Math.max(3, Math.round(3 * zoom)));
      return { cell, track, rendered };
    });
    // Lifts first (touching needs both heights before an x), drawn from `random` in the order they always
    // were, so that a default karyogram keeps its pixels for a given seed.
    const ys = drawn.map((d) => {
      const lift = Math.round((3 + random.int(0, 3)) * zoom);
      return Math.max(0, slot.baselineY - lift - d.rendered.image.height);
    });
    const touching = options.touching?.includes(slot.type) ?? false;
    const gap = Math.round(HOMOLOG_GAP_PX * zoom);
    // Left edge of each chromosome relative to the first one's.
    const offsets: number[] = [];
    drawn.forEach((d, i) => {
      const before = drawn[i - 1];
      const at = offsets[i - 1] ?? 0;
      if (!before) offsets.push(0);
      else if (touching)
        offsets.push(
          at + touchingOffset(before.rendered.image, ys[i - 1] ?? 0, d.rendered.image, ys[i] ?? 0),
        );
      else offsets.push(at + before.rendered.image.width + gap);
    });
    const last = drawn.at(-1);
    const total = last ? (offsets.at(-1) ?? 0) + last.rendered.image.width : 0;
    // Clamped so that a very long derivative or many copies stay on the canvas (and their boxes valid).
    const left = Math.max(0, Math.round(slot.x + slot.width / 2 - total / 2));
    drawn.forEach((d, i) => {
      const x = left + (offsets[i] ?? 0);
      const y = ys[i] ?? 0;
      pasteDarker(image, d.rendered.image, x, y);
      const box = {
        x,
        y,
        width: Math.min(d.rendered.image.width, width - x),
        height: Math.min(d.rendered.image.height, height - y),
      };
      placed.push({ ...d, box });
    });
    if ((options.baselines ?? 'slot') === 'slot')
      fillRect(image, slot.x, slot.baselineY, slot.width, line, BASELINE_GRAY);
    if (options.numbers ?? true) drawSlotNumber(image, slot, zoom);
  }
  if (options.baselines === 'row') {
    for (const baselineY of new Set(slots.map((slot) => slot.baselineY))) {
      const row = slots.filter((slot) => slot.baselineY === baselineY);
      const from = Math.min(...row.map((slot) => slot.x));
      const to = Math.max(...row.map((slot) => slot.x + slot.width));
      fillRect(image, from, baselineY, to - from, line, BASELINE_GRAY);
    }
  }
  return { image, chromosomes: placed, pixelsPerUnit };
}

function drawSlotNumber(image: GrayImage, slot: KaryogramSlot, zoom: number): void {
  const scale = Math.max(1, Math.round(2 * zoom));
  drawText(
    image,
    slot.type,
    Math.round(slot.x + slot.width / 2 - textWidth(slot.type, scale) / 2),
    slot.baselineY + Math.round(14 * zoom),
    scale,
    BASELINE_GRAY,
  );
}

/** Gray below which a pixel counts as the chromosome itself rather than its blurred rim. */
const INK_GRAY = 235;

/**
 * How far right of `left`'s tile (top at `leftY`) the tile `right` (top at `rightY`) goes so that the two
 * chromosomes touch: on the image row where they come closest, their ink shares one column.
 */
function touchingOffset(left: GrayImage, leftY: number, right: GrayImage, rightY: number): number {
  let offset = Number.NEGATIVE_INFINITY;
  for (let y = Math.max(leftY, rightY); y < Math.min(leftY + left.height, rightY + right.height); y++) {
    const a = inkSpan(left, y - leftY);
    const b = inkSpan(right, y - rightY);
    if (a && b) offset = Math.max(offset, a.last - b.first);
  }
  // Tiles without a shared inked row cannot touch; they stand side by side.
  return Number.isFinite(offset) ? offset : left.width;
}

/** First and last inked column of one row of a tile, or null for a blank row. */
function inkSpan(tile: GrayImage, row: number): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let x = 0; x < tile.width; x++) {
    if ((tile.pixels[row * tile.width + x] ?? 255) >= INK_GRAY) continue;
    if (first < 0) first = x;
    last = x;
  }
  return first < 0 ? null : { first, last };
}

/** Whitens `rows` rows across the middle of a drawn chromosome's axis, breaking it in two. */
function breakAcross(rendered: RenderedChromosome, rows: number): void {
  const { image } = rendered;
  const from = rendered.axisTop + Math.round(rendered.axisLengthPx / 2 - rows / 2);
  fillRect(image, 0, from, image.width, rows, 255);
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
