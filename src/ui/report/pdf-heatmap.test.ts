import { describe, expect, it } from 'vitest';
import { axisTicks } from './pdf-heatmap';

describe('axisTicks', () => {
  it('labels p-ter, q-ter and regions between by their bands, never the padding past q-ter', () => {
    // Chromosome 1 over 16 regions of 32 samples, 448 samples long: regions 14 and 15 are padding.
    const ticks = axisTicks({ type: '1', level: 400, regionSamples: 32 }, 448, 16);
    const first = ticks[0];
    const last = ticks.at(-1);
    expect(first?.region).toBe(0);
    expect(first?.label).toMatch(/^1p36[.0-9]*(-p[.0-9]+)? \(p-ter\)$/);
    expect(last?.region).toBe(13);
    expect(last?.label).toMatch(/^1q4[.0-9]*(-q[.0-9]+)? \(q-ter\)$/);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.every((t) => t.region <= 13 && !t.label.includes('\u2013'))).toBe(true);
  });

  it('labels both ends of a short chromosome', () => {
    // 21 over 3 regions: p-ter and q-ter even where the ends lie close together.
    const ticks = axisTicks({ type: '21', level: 300, regionSamples: 32 }, 90, 16);
    expect(ticks.map((t) => t.region)).toEqual([0, 2]);
    expect(ticks[0]?.label).toMatch(/^21p13.*\(p-ter\)$/);
    expect(ticks[1]?.label).toMatch(/^21q2.*\(q-ter\)$/);
  });
});
