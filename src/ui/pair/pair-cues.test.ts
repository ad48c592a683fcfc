import { describe, expect, it } from 'vitest';
import { bandedProfile, TEST_BANDS } from '../../model/testing/banded-profile';
import { pairCues } from './pair-cues';

const banded = bandedProfile;
const BANDS = TEST_BANDS;

describe('pair cues', () => {
  it('call two identical homologs typical on every measure', () => {
    const a = banded(BANDS, 300);
    const cues = pairCues(a, a);
    expect(cues.map((c) => c.level)).toEqual(['typical', 'typical', 'typical']);
    expect(cues[0]?.text).toBe('same length');
    expect(cues[1]?.text).toBe('bands in order: r = 1.00');
  });

  it('name the shorter homolog and grade a 30 % loss as rare', () => {
    const cues = pairCues(banded(BANDS, 300), banded(BANDS.slice(0, 11), 210));
    expect(cues[0]).toEqual({ name: 'length ratio', text: 'homolog 2 is 30 % shorter', level: 'rare' });
    expect(pairCues(banded(BANDS.slice(0, 11), 210), banded(BANDS, 300))[0]?.text).toBe(
      'homolog 1 is 30 % shorter',
    );
  });

  it('see an inversion in the band order, not in the length', () => {
    const inverted = [...BANDS.slice(0, 3), ...BANDS.slice(3, 11).reverse(), ...BANDS.slice(11)];
    const cues = pairCues(banded(BANDS, 320), banded(inverted, 320));
    expect(cues[0]?.level).toBe('typical');
    expect(cues[1]?.level).not.toBe('typical');
    expect(cues[2]?.level).not.toBe('typical');
  });
});
