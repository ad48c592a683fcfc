import type { ChromosomeType } from '../../shared/chromosome-types';
import { PROFILE_LENGTH } from '../../shared/profile';
import type { Random } from '../../shared/random';
import { createRandom } from '../../shared/random';
import type { BagInput } from '../inputs';
import type { LabelledBag } from '../train/train-step';

/**
 * A banded test profile: `length` samples of blocky darkness (like G-bands) with slightly different
 * left and right rows, zero after q-ter. For model tests only; real profiles come from imaging/.
 */
export function bandedProfile(random: Random, length: number): Float32Array {
  const profile = new Float32Array(2 * PROFILE_LENGTH);
  let level = random.uniform(0.2, 0.9);
  let run = 0;
  for (let i = 0; i < length; i++) {
    if (run-- <= 0) {
      level = random.uniform(0.2, 0.9);
      run = random.int(4, 20);
    }
    profile[i] = level + random.uniform(-0.03, 0.03);
    profile[PROFILE_LENGTH + i] = level + random.uniform(-0.03, 0.03);
  }
  return profile;
}

/** Copies a profile and deletes samples [from, to) of both rows, shifting the rest towards p-ter. */
export function deleteSegment(profile: Float32Array, length: number, from: number, to: number): Float32Array {
  const out = new Float32Array(profile.length);
  for (const row of [0, PROFILE_LENGTH]) {
    let j = 0;
    for (let i = 0; i < length; i++) {
      if (i >= from && i < to) continue;
      out[row + j++] = profile[row + i] ?? 0;
    }
  }
  return out;
}

/** A bag of m pairs of one type: normal (two noisy copies of one pattern) or with one homolog cut short. */
export function testBag(random: Random, type: ChromosomeType, m: number, abnormal: boolean): BagInput {
  const length = random.int(200, 400);
  const template = bandedProfile(random, length);
  const pairs = Array.from({ length: m }, () => {
    const jitter = (p: Float32Array): Float32Array =>
      p.map((v) => (v > 0 ? v + random.uniform(-0.02, 0.02) : 0));
    const first = jitter(template);
    const cut = Math.floor(length * 0.3);
    const second = abnormal ? deleteSegment(jitter(template), length, cut, cut + 80) : jitter(template);
    return { homologs: [first, second] as const, bandLevel: 400 as const };
  });
  return { type, pairs };
}

/** `count` labelled bags of type 8 from `seed`, normal and abnormal in turn, of 1 … `maxPairs` pairs. */
export function labelledTestBags(seed: number, count: number, maxPairs: number): LabelledBag[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    bag: testBag(random, '8', 1 + (i % maxPairs), i % 2 === 1),
    label: i % 2,
  }));
}
