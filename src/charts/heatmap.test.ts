// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { renderHeatmap, renderHeatmapHighlight } from './heatmap';
import { attentionColour } from './palette';

function svg(): SVGSVGElement {
  return document.createElementNS('http://www.w3.org/2000/svg', 'svg');
}

describe('renderHeatmap', () => {
  const n = 4;
  const matrix = new Float32Array(n * n);
  for (let e = 0; e < n; e++) matrix[e * n + e] = 1; // a perfect diagonal alignment

  it('draws one rect per cell coloured by weight, a legend, and reports hovers', () => {
    const element = svg();
    const onHover = vi.fn();
    const cleanup = renderHeatmap(
      { matrix, n },
      {
        size: 64,
        rowTitle: 'rows',
        columnTitle: 'cols',
        rowTicks: [
          { index: 0, label: '5p15.3–p14' },
          { index: 2, label: '5p11–q11.1' },
        ],
        columnTicks: [{ index: 3, label: '5q35' }],
        onHover,
      },
      element,
    );
    const cells = element.querySelectorAll('rect.cell');
    expect(cells).toHaveLength(16);
    const diagonal = element.querySelector('rect.cell[data-e="2"][data-z="2"]');
    const off = element.querySelector('rect.cell[data-e="2"][data-z="1"]');
    expect(diagonal?.getAttribute('fill')).toBe(attentionColour(1));
    expect(off?.getAttribute('fill')).toBe(attentionColour(0));
    expect(diagonal?.getAttribute('x')).toBe('32');
    expect(element.querySelector('.legend')?.textContent).toContain('1.00');
    // Rows and columns are named by their bands, each beside its own row or above its own column.
    const rowTicks = Array.from(element.querySelectorAll('text.row-tick'));
    expect(rowTicks.map((t) => [t.textContent, t.getAttribute('y')])).toEqual([
      ['5p15.3–p14', '8'],
      ['5p11–q11.1', '40'],
    ]);
    const columnTicks = Array.from(element.querySelectorAll('text.column-tick'));
    expect(columnTicks.map((t) => [t.textContent, t.getAttribute('transform')])).toEqual([
      ['5q35', 'translate(56,-3) rotate(-90)'],
    ]);
    diagonal?.dispatchEvent(new Event('mouseenter'));
    expect(onHover).toHaveBeenCalledWith({ e: 2, z: 2 });
    cleanup();
    expect(element.childElementCount).toBe(0);
  });

  it('outlines the hovered row and column', () => {
    const element = svg();
    renderHeatmapHighlight({ n, row: 1, column: 3 }, { size: 64 }, element);
    const boxes = Array.from(element.querySelectorAll('rect.highlight')).map((r) => [
      r.getAttribute('x'),
      r.getAttribute('y'),
      r.getAttribute('width'),
      r.getAttribute('height'),
    ]);
    expect(boxes).toEqual([
      ['0', '16', '64', '16'],
      ['48', '0', '16', '64'],
    ]);
  });
});
