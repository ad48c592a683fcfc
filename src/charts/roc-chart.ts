import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import type { RocRates } from '../model/eval/validation-figures';
import { HOMOLOG_COLOURS } from './palette';

/** One model's ROC curve; `dashed` tells the parent model from the new one without colour. */
export interface RocCurve {
  readonly label: string;
  readonly auc: number;
  readonly points: readonly RocRates[];
  readonly dashed: boolean;
}

export interface RocChartData {
  readonly curves: readonly RocCurve[];
}

export interface RocChartOptions {
  /** Side of the square plot area in pixels (axes and legend come around it). */
  readonly size: number;
}

export const ROC_MARGIN = { top: 12, right: 12, bottom: 40, left: 44 };
const LEGEND_ROW = 16;

const legendText = (curve: RocCurve): string => `${curve.label} (AUC ${curve.auc.toFixed(3)})`;

/**
 * ROC curves of several models on one plot (false positive rate →, true positive rate ↑) with the
 * chance diagonal and a legend giving each curve's AUC. Returns a cleanup that empties the SVG.
 */
export function renderRocChart(
  data: RocChartData,
  options: RocChartOptions,
  element: SVGSVGElement,
): () => void {
  const { size } = options;
  const legendHeight = data.curves.length * LEGEND_ROW + 4;
  // The legend sits under the plot and may be wider than it (long model ids): room for its longest
  // label at ~7 px per character of the 12 px font, so it is never cut off.
  const longestLabel = Math.max(0, ...data.curves.map((c) => legendText(c).length));
  const width = Math.max(ROC_MARGIN.left + size + ROC_MARGIN.right, ROC_MARGIN.left + 30 + 7 * longestLabel);
  const svg = select(element)
    .attr('width', width)
    .attr('height', ROC_MARGIN.top + size + ROC_MARGIN.bottom + legendHeight)
    .attr('role', 'img')
    .attr(
      'aria-label',
      `ROC curves: ${data.curves.map((c) => `${c.label}, AUC ${c.auc.toFixed(3)}`).join('; ')}`,
    );
  svg.selectAll('*').remove();
  const plot = svg.append('g').attr('transform', `translate(${ROC_MARGIN.left},${ROC_MARGIN.top})`);
  const x = scaleLinear().domain([0, 1]).range([0, size]);
  const y = scaleLinear().domain([0, 1]).range([size, 0]);
  plot
    .append('g')
    .attr('class', 'axis x')
    .attr('transform', `translate(0,${size})`)
    .call(axisBottom(x).ticks(5));
  plot.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(5));
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('x', size / 2)
    .attr('y', size + 32)
    .attr('text-anchor', 'middle')
    .text('false positive rate');
  plot
    .append('text')
    .attr('class', 'axis-title')
    .attr('transform', `translate(-34,${size / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text('true positive rate');
  plot
    .append('line')
    .attr('class', 'chance')
    .attr('x1', x(0))
    .attr('y1', y(0))
    .attr('x2', x(1))
    .attr('y2', y(1))
    .attr('stroke', '#999')
    .attr('stroke-dasharray', '2 3');
  const path = line<RocRates>()
    .x((p) => x(p.falsePositiveRate))
    .y((p) => y(p.truePositiveRate));
  data.curves.forEach((curve, i) => {
    const colour = HOMOLOG_COLOURS[i % HOMOLOG_COLOURS.length] ?? '#000';
    plot
      .append('path')
      .attr('class', 'roc-curve')
      .attr('data-label', curve.label)
      .attr('d', path([...curve.points]) ?? '')
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', curve.dashed ? '6 3' : null);
    const row = svg
      .append('g')
      .attr('class', 'legend-row')
      .attr(
        'transform',
        `translate(${ROC_MARGIN.left},${ROC_MARGIN.top + size + ROC_MARGIN.bottom + i * LEGEND_ROW})`,
      );
    row
      .append('line')
      .attr('x1', 0)
      .attr('x2', 24)
      .attr('y1', 6)
      .attr('y2', 6)
      .attr('stroke', colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', curve.dashed ? '6 3' : null);
    row.append('text').attr('x', 30).attr('y', 10).text(legendText(curve));
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
