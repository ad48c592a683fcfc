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

/** A labelled row or column of the matrix (a region named by its bands). */
export interface HeatmapTick {
  readonly index: number;
  readonly label: string;
}

export interface HeatmapOptions {
  /** Side of the matrix in pixels (the legend and labels come on top). */
  readonly size: number;
  readonly rowTitle: string;
  readonly columnTitle: string;
  /** Rows to label at the left, each beside its row. */
  readonly rowTicks: readonly HeatmapTick[];
  /** Columns to label above the matrix, each written upwards over its column. */
  readonly columnTicks: readonly HeatmapTick[];
  readonly onHover: (cell: { e: number; z: number } | null) => void;
}

/** Room for band names ("5p15.3–p14" at 9 px) left of the rows and above the columns, and the titles. */
export const HEATMAP_MARGIN = { top: 84, right: 16, bottom: 56, left: 100 };

/**
 * Draws an attention matrix as a viridis heatmap with axis titles, labelled rows and columns, a colour
 * legend (0 to the matrix maximum) and hover reporting per cell. Returns a cleanup that empties the SVG.
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
    .attr('y', 12 - HEATMAP_MARGIN.top)
    .attr('text-anchor', 'middle')
    .text(options.columnTitle);
  root
    .append('text')
    .attr('transform', `translate(${12 - HEATMAP_MARGIN.left},${options.size / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(options.rowTitle);
  for (const tick of options.rowTicks) {
    root
      .append('text')
      .attr('class', 'tick row-tick')
      .attr('x', -3)
      .attr('y', (tick.index + 0.5) * cell)
      .attr('dominant-baseline', 'middle')
      .attr('text-anchor', 'end')
      .text(tick.label);
  }
  for (const tick of options.columnTicks) {
    root
      .append('text')
      .attr('class', 'tick column-tick')
      .attr('transform', `translate(${(tick.index + 0.5) * cell},-3) rotate(-90)`)
      .attr('dominant-baseline', 'middle')
      .attr('text-anchor', 'start')
      .text(tick.label);
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
