// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { getIdeogram } from '../karyotype/ideogram';
import { renderIdeogram } from './ideogram-chart';

describe('renderIdeogram', () => {
  it('draws every band and brackets the region with its ISCN name', () => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const ideogram = getIdeogram('5', 400);
    renderIdeogram(
      { ideogram, region: { from: 0.1, to: 0.2, label: '5p14' } },
      { width: 190, height: 316 },
      element,
    );
    expect(element.querySelectorAll('.bands rect')).toHaveLength(ideogram.bands.length);
    const region = element.querySelector('rect.region');
    expect(Number(region?.getAttribute('y'))).toBeCloseTo(8 + 0.1 * 300);
    expect(Number(region?.getAttribute('height'))).toBeCloseTo(0.1 * 300);
    expect(element.querySelector('.region-label')?.textContent).toBe('5p14');
  });
});
