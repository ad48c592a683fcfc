import { describe, expect, it } from 'vitest';
import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { TypedChromosomeImage } from './profile-crop-cell';
import { measureCropCell, profileCropCell, reprofileWithReplacement } from './profile-crop-cell';
import { bandedCrop } from '../testing/banded-crop';

const crop = (length: number, phase: number): GrayImage => bandedCrop(length, phase);

function cell(lengths: Record<string, number>): TypedChromosomeImage[] {
  return Object.entries(lengths).flatMap(([type, length], t) =>
    [0, 1].map((homolog) => ({
      type: type as ChromosomeType,
      homolog,
      image: crop(length + homolog * 2, t),
      source: `${type}_${homolog}.png`,
    })),
  );
}

describe('re-profiling one edited crop of a measured cell', () => {
  const crops = cell({ '1': 120, '7': 80, '21': 40 });
  const measured = measureCropCell(crops);
  const index = (type: string, homolog: number): number =>
    crops.findIndex((c) => c.type === type && c.homolog === homolog);

  it.each([
    ['shorter, the scale stays', crop(60, 4)],
    ['longer than chromosome 1, the whole cell rescales', crop(160, 4)],
  ])('gives the pair exactly what profiling the whole edited cell gives (%s)', (_, edited) => {
    const target = index('7', 0);
    const partner = index('7', 1);
    const whole = profileCropCell(crops.map((c, i) => (i === target ? { ...c, image: edited } : c)));
    const [changed, kept] = reprofileWithReplacement(measured, target, edited, [target, partner]);
    expect(changed?.samples).toBe(whole.chromosomes[target]?.samples);
    expect(kept?.samples).toBe(whole.chromosomes[partner]?.samples);
    expect(changed?.profile).toEqual(whole.chromosomes[target]?.profile);
    expect(kept?.profile).toEqual(whole.chromosomes[partner]?.profile);
  });

  it('follows the length: the longer edit rescales the untouched homolog too', () => {
    const partner = index('7', 1);
    const before = profileCropCell(crops).chromosomes[partner]?.samples ?? 0;
    const [shorter] = reprofileWithReplacement(measured, index('7', 0), crop(60, 4), [partner]);
    const [rescaled] = reprofileWithReplacement(measured, index('7', 0), crop(160, 4), [partner]);
    expect(shorter?.samples).toBe(before);
    expect(rescaled?.samples ?? 0).toBeLessThan(before * 0.9);
  });

  it('names a crop that is not in the cell', () => {
    expect(() => reprofileWithReplacement(measured, 0, crop(60, 1), [99])).toThrow(/crop 99/);
  });
});
