import type { jsPDF } from 'jspdf';
import type { BandLevel, ChromosomeType } from '../../shared/chromosome-types';
import { centromereRegion, regionBandLabels } from '../../karyotype/region-bands';
import { pdfText } from './pdf-frame';
import { heatmapImage, heatmapLegendImage } from './pdf-images';

/** One attention map of a pair with what its axes need: each homolog's length and the bands. */
export interface PdfHeatmap {
  readonly matrix: Float32Array;
  readonly type: ChromosomeType;
  readonly level: BandLevel;
  readonly regionSamples: number;
  /** Profile samples of the row homolog (this one) and of the column homolog (the other). */
  readonly rowSamples: number;
  readonly columnSamples: number;
}

/** Height (mm) drawHeatmap uses below its top. */
export const HEATMAP_BLOCK = 100;

const SIZE = 60;
const LEFT = 42;

/** Regions between two printed ticks at least (3.75 mm per region for 16 regions: labels stay apart). */
const TICK_GAP = 2;

/**
 * The regions to label on one axis: p-ter and q-ter always (a short chromosome covers 2 to 4 regions),
 * then the centromere's and regions TICK_GAP apart where there is room; each named by the bands it
 * covers, the ends marked p-ter and q-ter. Regions past q-ter are padding and never labelled.
 */
export function axisTicks(
  map: Pick<PdfHeatmap, 'type' | 'level' | 'regionSamples'>,
  samples: number,
  regions: number,
): { region: number; label: string }[] {
  const labels = regionBandLabels(map.type, map.level, samples, map.regionSamples, regions);
  const last = labels.reduce((end, label, k) => (label === null ? end : k), -1);
  if (last < 0) return [];
  const centromere = centromereRegion(map.type, map.level, samples, map.regionSamples);
  const chosen = [0, last];
  for (const region of [centromere, ...labels.keys()]) {
    if (region === null || region > last || chosen.some((c) => Math.abs(c - region) < TICK_GAP)) continue;
    chosen.push(region);
  }
  return [...new Set(chosen)]
    .sort((a, b) => a - b)
    .map((region) => ({
      region,
      label: `${pdfText(labels[region] ?? '')}${region === 0 ? ' (p-ter)' : region === last ? ' (q-ter)' : ''}`,
    }));
}

/**
 * Draws an attention map with its axes labelled (rows: this homolog's regions, columns: the other
 * homolog's, p-ter first, ticks named by ISCN bands at the case's band level as on a normal chromosome)
 * and a colour scale saying what its ends mean. `top` is in mm; the block takes HEATMAP_BLOCK mm.
 */
export function drawHeatmap(pdf: jsPDF, map: PdfHeatmap, top: number): void {
  const n = Math.round(Math.sqrt(map.matrix.length));
  const cell = SIZE / Math.max(1, n);
  pdf.addImage(heatmapImage(map.matrix), 'PNG', LEFT, top, SIZE, SIZE);
  pdf.setFontSize(6);
  for (const { region, label } of axisTicks(map, map.rowSamples, n)) {
    const y = top + (region + 0.5) * cell;
    pdf.line(LEFT - 1, y, LEFT, y);
    pdf.text(label, LEFT - 1.5, y + 0.8, { align: 'right' });
  }
  for (const { region, label } of axisTicks(map, map.columnSamples, n)) {
    const x = LEFT + (region + 0.5) * cell;
    pdf.line(x, top + SIZE, x, top + SIZE + 1);
    // Read bottom to top, ending just under the map.
    pdf.text(label, x + 0.8, top + SIZE + 1.5 + pdf.getTextWidth(label), { angle: 90 });
  }
  pdf.setFontSize(8);
  const rowTitle = "this homolog's regions (homolog 1), p-ter to q-ter";
  // Rotated text is not aligned by jsPDF: centred by hand, reading bottom to top.
  pdf.text(rowTitle, 8, top + SIZE / 2 + pdf.getTextWidth(rowTitle) / 2, { angle: 90 });
  pdf.text("the other homolog's regions (homolog 2), p-ter to q-ter", LEFT + SIZE / 2, top + SIZE + 26, {
    align: 'center',
  });
  const max = Math.max(0, ...map.matrix);
  const legendX = LEFT + SIZE + 10;
  const legend = pdf.splitTextToSize(
    'Colour: how much a region of this homolog attends to each region of the other (each row sums to 1; rows and columns past q-ter are padding).',
    200 - legendX,
  ) as string[];
  pdf.text(legend, legendX, top + 4);
  const barTop = top + 4 + 3.5 * legend.length;
  pdf.addImage(heatmapLegendImage(), 'PNG', legendX, barTop, 60, 3);
  pdf.text('0: none', legendX, barTop + 7);
  pdf.text(`${max.toFixed(2)}: largest weight in this map`, legendX + 60, barTop + 7, { align: 'right' });
}
