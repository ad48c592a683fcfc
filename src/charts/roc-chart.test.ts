// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderRocChart } from './roc-chart';

const corner = [
  { falsePositiveRate: 0, truePositiveRate: 0 },
  { falsePositiveRate: 0, truePositiveRate: 1 },
  { falsePositiveRate: 1, truePositiveRate: 1 },
];
const diagonal = [
  { falsePositiveRate: 0, truePositiveRate: 0 },
  { falsePositiveRate: 0.5, truePositiveRate: 0.5 },
  { falsePositiveRate: 1, truePositiveRate: 1 },
];

describe('renderRocChart', () => {
  it('draws both models on one plot, each with its AUC in the legend', () => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const cleanup = renderRocChart(
      {
        curves: [
          { label: 'before (homnet-a)', auc: 0.5, points: diagonal, dashed: true },
          { label: 'after (homnet-b)', auc: 1, points: corner, dashed: false },
        ],
      },
      { size: 100 },
      element,
    );
    const curves = Array.from(element.querySelectorAll('path.roc-curve'));
    expect(curves.map((c) => c.getAttribute('data-label'))).toEqual([
      'before (homnet-a)',
      'after (homnet-b)',
    ]);
    // Plot area 100 × 100: (0, 0) is bottom left, (1, 1) top right.
    expect(curves.map((c) => c.getAttribute('d'))).toMatchInlineSnapshot(`
      [
        "M0,100L50,50L100,0",
        "M0,100L0,0L100,0",
      ]
    `);
    expect(curves[0]?.getAttribute('stroke-dasharray')).toBe('6 3');
    expect(curves[1]?.getAttribute('stroke-dasharray')).toBeNull();
    expect(Array.from(element.querySelectorAll('.legend-row text')).map((t) => t.textContent)).toEqual([
      'before (homnet-a) (AUC 0.500)',
      'after (homnet-b) (AUC 1.000)',
    ]);
    expect(element.querySelector('line.chance')?.getAttribute('x2')).toBe('100');
    expect(element.getAttribute('aria-label')).toBe(
      'ROC curves: before (homnet-a), AUC 0.500; after (homnet-b), AUC 1.000',
    );
    cleanup();
    expect(element.childElementCount).toBe(0);
  });
});
