import { select } from 'd3';
import { attentionColour, HIGHLIGHT_COLOUR } from './palette';

export interface HeatmapData {
  /** n × n row-major; row e sums to 1 (attention of query region e over key regions z). */
  readonly matrix: Float32Array;
  readonly n: number;
}

/** What to outline on top of a heatmap: a row (query region) and/or a column (key region). */
export interface HeatmapHighlight {
  readonly n: number;
  readonly row: number | null;
  readonly column: number | null;
}

export interface HeatmapOptions {
  /** Side of the matrix in pixels (the legend and labels come on top). */
  readonly size: number;
  readonly rowTitle: string;
  readonly columnTitle: string;
  readonly onHover: (cell: { e: number; z: number } | null) => void;
}

export const HEATMAP_MARGIN = { top: 28, right: 16, bottom: 56, left: 44 };

/**
 * Draws an attention matrix as a viridis heatmap with axis titles, a colour legend (0 to the matrix
 * maximum) and hover reporting per cell. Returns a cleanup that empties the SVG.
 */
export function renderHeatmap(
  data: HeatmapData,
  options: HeatmapOptions,
  element: SVGSVGElement,
): () => void {
  const { n, matrix } = data;
  const cell = options.size / n;
  let max = 0;
  for (const value of matrix) max = Math.max(max, value);
  const scale = max > 0 ? 1 / max : 1;
  const svg = select(element)
    .attr('width', options.size + HEATMAP_MARGIN.left + HEATMAP_MARGIN.right)
    .attr('height', options.size + HEATMAP_MARGIN.top + HEATMAP_MARGIN.bottom);
  svg.selectAll('*').remove();
  const root = svg.append('g').attr('transform', `translate(${HEATMAP_MARGIN.left},${HEATMAP_MARGIN.top})`);
  const cells = Array.from({ length: n * n }, (_, i) => ({
    e: Math.floor(i / n),
    z: i % n,
    v: matrix[i] ?? 0,
  }));
  root
    .selectAll('rect.cell')
    .data(cells)
    .join('rect')
    .attr('class', 'cell')
    .attr('data-e', (d) => d.e)
    .attr('data-z', (d) => d.z)
    .attr('x', (d) => d.z * cell)
    .attr('y', (d) => d.e * cell)
    .attr('width', cell)
    .attr('height', cell)
    .attr('fill', (d) => attentionColour(d.v * scale))
    .on('mouseenter', (_event, d) => {
      options.onHover({ e: d.e, z: d.z });
    });
  root.on('mouseleave', () => {
    options.onHover(null);
  });
  root
    .append('text')
    .attr('x', options.size / 2)
    .attr('y', -10)
    .attr('text-anchor', 'middle')
    .text(options.columnTitle);
  root
    .append('text')
    .attr('transform', `translate(-30,${options.size / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(options.rowTitle);
  for (const [k, label] of [
    [0, 'pter'],
    [n - 1, 'qter'],
  ] as const) {
    root
      .append('text')
      .attr('class', 'tick')
      .attr('x', (k + 0.5) * cell)
      .attr('y', -1)
      .attr('text-anchor', 'middle')
      .text(label);
    root
      .append('text')
      .attr('class', 'tick')
      .attr('x', -3)
      .attr('y', (k + 0.7) * cell)
      .attr('text-anchor', 'end')
      .text(label);
  }
  drawLegend(root, options.size, max);
  return () => {
    svg.selectAll('*').remove();
  };
}

/**
 * Outlines the hovered row and column in an SVG laid over the heatmap (same size and margins), so that
 * hovering never redraws the cells under the pointer.
 */
export function renderHeatmapHighlight(
  data: HeatmapHighlight,
  options: { readonly size: number },
  element: SVGSVGElement,
): () => void {
  const cell = options.size / Math.max(1, data.n);
  const svg = select(element)
    .attr('width', options.size + HEATMAP_MARGIN.left + HEATMAP_MARGIN.right)
    .attr('height', options.size + HEATMAP_MARGIN.top + HEATMAP_MARGIN.bottom);
  svg.selectAll('*').remove();
  const root = svg.append('g').attr('transform', `translate(${HEATMAP_MARGIN.left},${HEATMAP_MARGIN.top})`);
  const outline = (x: number, y: number, w: number, h: number): void => {
    root
      .append('rect')
      .attr('class', 'highlight')
      .attr('x', x)
      .attr('y', y)
      .attr('width', w)
      .attr('height', h)
      .attr('fill', 'none')
      .attr('stroke', HIGHLIGHT_COLOUR)
      .attr('stroke-width', 2.5);
  };
  if (data.row !== null) outline(0, data.row * cell, options.size, cell);
  if (data.column !== null) outline(data.column * cell, 0, cell, options.size);
  return () => {
    svg.selectAll('*').remove();
  };
}

function drawLegend(root: ReturnType<typeof select<SVGGElement, unknown>>, size: number, max: number): void {
  const legend = root
    .append('g')
    .attr('class', 'legend')
    .attr('transform', `translate(0,${size + 14})`);
  const steps = 32;
  for (let i = 0; i < steps; i++) {
    legend
      .append('rect')
      .attr('x', (i / steps) * size)
      .attr('width', size / steps + 0.5)
      .attr('height', 10)
      .attr('fill', attentionColour(i / (steps - 1)));
  }
  legend.append('text').attr('y', 24).text('0');
  legend
    .append('text')
    .attr('x', size / 2)
    .attr('y', 24)
    .attr('text-anchor', 'middle')
    .text('attention weight');
  legend.append('text').attr('x', size).attr('y', 24).attr('text-anchor', 'end').text(max.toFixed(2));
}
