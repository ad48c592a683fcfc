import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../../shared/profile';
import { reverseProfile } from '../profile/banding-orientation';
import { orientCopiesTogether, type UnorientedChromosome } from './pair-orientation';

const SAMPLES = 320;

/** A profile whose darkness follows `darkness(t)` from t = 0 to 1 along its samples, both halves alike. */
function profile(darkness: (t: number) => number): Float32Array {
  const out = new Float32Array(2 * PROFILE_LENGTH);
  for (let i = 0; i < SAMPLES; i++) {
    const value = darkness(i / (SAMPLES - 1));
    out[i] = value;
    out[PROFILE_LENGTH + i] = value;
  }
  return out;
}

/** The type's banding: a dark p-arm band, a pale centre, dark bands down the q-arm. */
const BANDING = (t: number): number => 0.3 + 0.3 * Math.sin(9 * t) * Math.exp(-t) + 0.2 * t;
const TEMPLATE = Array.from({ length: 32 }, (_, b) => BANDING((b + 0.5) / 32));

const copy = (p: Float32Array): UnorientedChromosome => ({ type: '7', profile: p, samples: SAMPLES });
const asIs = profile(BANDING);
const backwards = reverseProfile(asIs, SAMPLES);

describe('orientCopiesTogether', () => {
  it('turns round each copy read from q-ter, alone or in a pair', () => {
    expect(orientCopiesTogether([copy(asIs)], { '7': TEMPLATE })).toEqual([false]);
    expect(orientCopiesTogether([copy(backwards)], { '7': TEMPLATE })).toEqual([true]);
    expect(orientCopiesTogether([copy(backwards), copy(asIs), copy(backwards)], { '7': TEMPLATE })).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('orients a pair whose second copy lost the banding of its upper part', () => {
    const damaged = reverseProfile(
      profile((t) => (t < 0.6 ? 0.4 : BANDING(t))),
      SAMPLES,
    );
    expect(orientCopiesTogether([copy(asIs), copy(damaged)], { '7': TEMPLATE })).toEqual([false, true]);
    expect(orientCopiesTogether([copy(damaged), copy(backwards)], { '7': TEMPLATE })).toEqual([true, true]);
  });

  it('leaves a type without a template as it lies', () => {
    expect(orientCopiesTogether([copy(backwards), copy(asIs)], {})).toEqual([false, false]);
  });
});
