import { line, scaleLinear, select } from 'd3';
import { PROFILE_LENGTH } from '../shared/profile';
import { HOMOLOG_COLOURS } from './palette';

export interface ProfileChartData {
  /** Two homologs' profiles (2 × 512, darkness [0, 1]) with their sample counts before padding. */
  readonly homologs: readonly { readonly profile: Float32Array; readonly samples: number }[];
  /** Length axis in samples: every pair of a type shares it, so lengths compare. */
  readonly maxSamples: number;
}

/** Pixels below the profiles for the axis label. */
export const PROFILE_AXIS_HEIGHT = 14;

export interface ProfileChartOptions {
  readonly width: number;
  /** Pixels for `maxSamples`; matches the images drawn beside the chart. */
  readonly height: number;
}

/**
 * Left and right darkness profiles of both homologs along one vertical length axis (p-ter at the top,
 * like the images beside it): solid for the left half, dashed for the right half, one colour per homolog.
 */
export function renderProfiles(
  data: ProfileChartData,
  options: ProfileChartOptions,
  element: SVGSVGElement,
): () => void {
  const svg = select(element)
    .attr('width', options.width)
    .attr('height', options.height + PROFILE_AXIS_HEIGHT);
  svg.selectAll('*').remove();
  const y = scaleLinear()
    .domain([0, Math.max(1, data.maxSamples)])
    .range([0, options.height]);
  const x = scaleLinear()
    .domain([0, 1])
    .range([4, options.width - 4]);
  data.homologs.forEach((homolog, h) => {
    for (const row of [0, 1]) {
      const points = Array.from({ length: Math.min(homolog.samples, PROFILE_LENGTH) }, (_, i) => ({
        i,
        v: homolog.profile[row * PROFILE_LENGTH + i] ?? 0,
      }));
      const path = line<{ i: number; v: number }>()
        .x((d) => x(d.v))
        .y((d) => y(d.i))(points);
      svg
        .append('path')
        .attr('class', `profile h${h} r${row}`)
        .attr('d', path ?? '')
        .attr('fill', 'none')
        .attr('stroke', HOMOLOG_COLOURS[h % 2] ?? '#000')
        .attr('stroke-width', 1.2)
        .attr('stroke-dasharray', row === 1 ? '3 2' : null);
    }
  });
  svg
    .append('text')
    .attr('class', 'tick')
    .attr('x', 4)
    .attr('y', options.height + PROFILE_AXIS_HEIGHT - 2)
    .text('darkness 0→1');
  return () => {
    svg.selectAll('*').remove();
  };
}
