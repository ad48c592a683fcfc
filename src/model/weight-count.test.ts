import { describe, expect, it } from 'vitest';
import type { HomNetArchitecture } from './architecture';
import { DEFAULT_ARCHITECTURE, weightCount } from './architecture';
import { parameterSpecs, shapeSize } from './parameters';

describe('weightCount', () => {
  it.each<[string, Partial<HomNetArchitecture>]>([
    ['the shipped network', {}],
    ['merge range 8, no pair measures', { mergeRange: 8, pairMeasures: false }],
    ['16 layers, 512 channels, 32 heads', { alignmentLayers: 16, regionChannels: 512, heads: 32 }],
    ['small widths', { regionChannels: 16, heads: 2, pairWidth: 32, bagWeightHidden: 16 }],
  ])('counts what parameterSpecs builds (%s)', (_, changes) => {
    const arch = { ...DEFAULT_ARCHITECTURE, ...changes };
    const specs = parameterSpecs(arch);
    const sum = (optional: boolean) =>
      specs.filter((s) => (s.optional ?? false) === optional).reduce((n, s) => n + shapeSize(s.shape), 0);
    expect(weightCount(arch)).toEqual({ required: sum(false), optional: sum(true) });
  });
});
