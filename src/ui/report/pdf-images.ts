import { attentionColour } from '../../charts/palette';
import type { GrayImage } from '../../shared/gray-image';
import type { CellTypeView } from '../../worker/analysis-api';

function canvasOf(
  width: number,
  height: number,
): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width));
  canvas.height = Math.max(1, Math.round(height));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas for the PDF images');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return { canvas, context };
}

function grayCanvas(image: GrayImage): HTMLCanvasElement {
  const { canvas, context } = canvasOf(image.width, image.height);
  const rgba = context.createImageData(image.width, image.height);
  image.pixels.forEach((v, i) => {
    rgba.data.set([v, v, v, 255], 4 * i);
  });
  context.putImageData(rgba, 0, 0);
  return canvas;
}

/** Both homologs of a cell side by side at one scale (pixels per profile sample), as a PNG data URL. */
export function pairImage(view: CellTypeView, scale: number): { url: string; width: number; height: number } {
  const parts = view.chromosomes.slice(0, 2).map((c) => {
    const height = Math.max(2, c.samples * scale);
    return { c, height, width: (c.image.width / Math.max(1, c.image.height)) * height };
  });
  const width = parts.reduce((sum, p) => sum + p.width + 12, 12);
  const height = Math.max(10, ...parts.map((p) => p.height));
  const { canvas, context } = canvasOf(width, height);
  let x = 6;
  for (const part of parts) {
    context.drawImage(grayCanvas(part.c.image), x, 0, part.width, part.height);
    x += part.width + 12;
  }
  return { url: canvas.toDataURL('image/png'), width, height };
}

/** An n × n attention matrix drawn with the screen's viridis scale, as a PNG data URL. */
export function heatmapImage(matrix: Float32Array, cell = 8): string {
  const n = Math.round(Math.sqrt(matrix.length));
  const { canvas, context } = canvasOf(n * cell, n * cell);
  const max = Math.max(1e-9, ...matrix);
  matrix.forEach((value, i) => {
    context.fillStyle = attentionColour(value / max);
    context.fillRect((i % n) * cell, Math.floor(i / n) * cell, cell, cell);
  });
  return canvas.toDataURL('image/png');
}

/** The heatmap's colour scale from 0 to its maximum, left to right, as a PNG data URL. */
export function heatmapLegendImage(width = 120, height = 8): string {
  const { canvas, context } = canvasOf(width, height);
  for (let x = 0; x < width; x++) {
    context.fillStyle = attentionColour(x / Math.max(1, width - 1));
    context.fillRect(x, 0, 1, height);
  }
  return canvas.toDataURL('image/png');
}
