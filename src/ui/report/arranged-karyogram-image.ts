import { encode } from 'fast-png';
import { drawText, fillRect, GLYPH_HEIGHT, GLYPH_WIDTH, textWidth } from '../../karyotype/bitmap-font';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import type { CellKaryogramView, KaryogramChromosomeView } from '../../worker/analysis-api';
import { layoutKaryogram, type KaryogramLayout, type LayoutOptions } from '../case/arranged-karyogram-layout';
import { drawTitle, titleText, titleWidth } from './title-font';

/** Font pixel size of the title and of the type numbers. */
const FONT_SCALE = 2;
const LINE_HEIGHT = (GLYPH_HEIGHT + 3) * FONT_SCALE;
const MARGIN = 16;
/** The gray of the baselines and of the frame marking a doubtful chromosome. */
const LINE_INK = 150;

/** Widest the title may make the image, pixels; a longer title is cut. */
const MAX_TITLE_WIDTH = 1400;

const layoutOptions = (title: readonly string[], tallest: number): LayoutOptions => ({
  tallest,
  top: title.length * LINE_HEIGHT + 8,
  minWidth:
    Math.min(MAX_TITLE_WIDTH, Math.max(...title.map((line) => titleWidth(line, FONT_SCALE)))) + 2 * MARGIN,
  margin: MARGIN,
  chromosomeGap: 4,
  slotGap: 18,
  minSlotWidth: textWidth('22', FONT_SCALE) + 8,
  labelHeight: 4 + GLYPH_HEIGHT * FONT_SCALE,
  rowGap: 14,
});

/** The title lines: case and cell, then how the types were assigned when a classifier did it. */
export function karyogramTitle(view: CellKaryogramView, caseName: string): string[] {
  const assigned = view.typesAssigned;
  return [
    `${caseName} - cell ${view.cell}`,
    ...(assigned ? [`types assigned by ${assigned.classifier}, read as ${assigned.sex}`] : []),
  ];
}

/** `text` cut to at most `width` pixels at the title's scale, ending in "..." when cut. */
function fitted(text: string, width: number): string {
  const glyphs = Math.max(0, Math.floor((width + FONT_SCALE) / ((GLYPH_WIDTH + 1) * FONT_SCALE)));
  const upper = titleText(text);
  return upper.length <= glyphs ? upper : `${upper.slice(0, Math.max(0, glyphs - 3))}...`;
}

/** Draws `source` scaled into the box (x, y, width, height) of `target`, bilinear, clipped to `target`. */
function drawScaled(
  target: GrayImage,
  source: GrayImage,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  if (source.width === 0 || source.height === 0) return;
  const at = (sx: number, sy: number): number => source.pixels[sy * source.width + sx] ?? 255;
  for (let ty = 0; ty < height; ty++) {
    const py = y + ty;
    if (py < 0 || py >= target.height) continue;
    const fy = Math.min(source.height - 1, Math.max(0, ((ty + 0.5) / height) * source.height - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(source.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let tx = 0; tx < width; tx++) {
      const px = x + tx;
      if (px < 0 || px >= target.width) continue;
      const fx = Math.min(source.width - 1, Math.max(0, ((tx + 0.5) / width) * source.width - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(source.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
      const bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
      target.pixels[py * target.width + px] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
}

/** A dashed frame one pixel outside the box: the chromosome's type or cut-out is in doubt. */
function drawDashedFrame(image: GrayImage, x: number, y: number, width: number, height: number): void {
  const dash = (i: number): boolean => Math.floor(i / 3) % 2 === 0;
  for (let i = -1; i <= width; i++) {
    if (!dash(i + 1)) continue;
    fillRect(image, x + i, y - 2, 1, 1, LINE_INK);
    fillRect(image, x + i, y + height + 1, 1, 1, LINE_INK);
  }
  for (let i = -1; i <= height; i++) {
    if (!dash(i + 1)) continue;
    fillRect(image, x - 2, y + i, 1, 1, LINE_INK);
    fillRect(image, x + width + 1, y + i, 1, 1, LINE_INK);
  }
}

/**
 * A cell's arranged karyogram as a gray image: white, the title line(s) on top, then the ISCN rows with
 * every chromosome at one scale (its height from its profile length), upright and p-arm up, standing on
 * its type's baseline with the type number under it; a doubtful chromosome framed by a dashed line.
 * Returns the layout too, so that a caller (a test) knows where each chromosome went.
 */
export function arrangedKaryogramImage(
  view: CellKaryogramView,
  caseName: string,
  tallest = 140,
): { image: GrayImage; layout: KaryogramLayout<KaryogramChromosomeView> } {
  const title = karyogramTitle(view, caseName);
  const layout = layoutKaryogram(view.chromosomes, layoutOptions(title, tallest));
  const image = createGrayImage(layout.width, layout.height, 255);
  title.forEach((line, i) => {
    drawTitle(image, fitted(line, layout.width - 2 * MARGIN), MARGIN, MARGIN + i * LINE_HEIGHT, FONT_SCALE);
  });
  for (const slot of layout.slots) {
    for (const c of slot.chromosomes) {
      drawScaled(image, c.item.image, c.x, c.y, c.width, c.height);
      if (c.item.typeDoubt !== undefined || c.item.cutOutDoubt !== undefined)
        drawDashedFrame(image, c.x, c.y, c.width, c.height);
    }
    fillRect(image, slot.x, slot.baseline + 1, slot.width, 1, LINE_INK);
    const label = textWidth(slot.type, FONT_SCALE);
    drawText(image, slot.type, slot.x + Math.floor((slot.width - label) / 2), slot.baseline + 4, FONT_SCALE);
  }
  return { image, layout };
}

/** A gray image as PNG bytes (8-bit, one channel). */
export function grayPng(image: GrayImage): Uint8Array {
  return encode({ width: image.width, height: image.height, data: image.pixels, channels: 1, depth: 8 });
}

/** The arranged karyogram as PNG bytes, for a download. */
export function arrangedKaryogramPng(view: CellKaryogramView, caseName: string): Uint8Array {
  return grayPng(arrangedKaryogramImage(view, caseName).image);
}
