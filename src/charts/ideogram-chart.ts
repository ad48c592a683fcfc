import { select } from 'd3';
import type { Ideogram, Stain } from '../karyotype/ideogram';
import { DIFFERENCE_COLOUR } from './palette';

const STAIN_FILL: Readonly<Record<Stain, string>> = {
  gneg: '#ffffff',
  gpos25: '#c8c8c8',
  gpos50: '#969696',
  gpos75: '#646464',
  gpos100: '#1e1e1e',
  acen: '#b0b0d8',
  gvar: '#dcdcdc',
  stalk: '#e8e8f0',
};

export interface IdeogramChartData {
  readonly ideogram: Ideogram;
  /** Suspected region as fractions of length from p-ter. */
  readonly region: { readonly from: number; readonly to: number; readonly label: string } | null;
}

export interface IdeogramChartOptions {
  readonly width: number;
  readonly height: number;
}

/** A vertical ISCN ideogram (p-ter up) at its band level, with the suspected region bracketed and named. */
export function renderIdeogram(
  data: IdeogramChartData,
  options: IdeogramChartOptions,
  element: SVGSVGElement,
): () => void {
  const { ideogram, region } = data;
  const top = 8;
  const h = options.height - 16;
  const barX = 54;
  const barW = 18;
  const y = (units: number): number => top + (units / ideogram.length) * h;
  const svg = select(element).attr('width', options.width).attr('height', options.height);
  svg.selectAll('*').remove();
  const bands = svg.append('g').attr('class', 'bands');
  for (const band of ideogram.bands) {
    bands
      .append('rect')
      .attr('x', barX)
      .attr('y', y(band.start))
      .attr('width', barW)
      .attr('height', Math.max(0.5, y(band.stop) - y(band.start)))
      .attr('fill', STAIN_FILL[band.stain])
      .attr('stroke', '#333')
      .attr('stroke-width', 0.4)
      .append('title')
      .text(`${ideogram.type}${band.name}`);
  }
  // Label bands from p-ter down, skipping any that would overlap the previous label.
  let lastLabel = -Infinity;
  for (const band of ideogram.bands) {
    const mid = (y(band.start) + y(band.stop)) / 2;
    if (mid - lastLabel < 10) continue;
    lastLabel = mid;
    svg
      .append('text')
      .attr('class', 'tick')
      .attr('x', barX - 4)
      .attr('y', mid + 3)
      .attr('text-anchor', 'end')
      .text(band.name);
  }
  if (region) {
    const y0 = top + region.from * h;
    const y1 = top + region.to * h;
    svg
      .append('rect')
      .attr('class', 'region')
      .attr('x', barX - 3)
      .attr('y', y0)
      .attr('width', barW + 6)
      .attr('height', Math.max(2, y1 - y0))
      .attr('fill', 'none')
      .attr('stroke', DIFFERENCE_COLOUR)
      .attr('stroke-width', 3);
    svg
      .append('text')
      .attr('class', 'region-label')
      .attr('x', barX + barW + 8)
      .attr('y', (y0 + y1) / 2 + 4)
      .text(region.label);
  }
  return () => {
    svg.selectAll('*').remove();
  };
}
