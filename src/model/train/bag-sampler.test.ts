import { describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import type { PairInput } from '../inputs';
import { bandedProfile } from '../testing/synthetic-bags';
import { DEFAULT_SAMPLER, sampleBag } from './bag-sampler';
import type { DatasetCase } from './dataset';
import { syntheticDatasetCases } from '../testing/synthetic-dataset';
import { inputOfTraining, singleChromosomeBag, singleChromosomePair } from './single-chromosome';

/** Cases of three cells with banded pairs of a few types (homologs are jittered copies). */
function cases(count: number, seed: number): DatasetCase[] {
  return syntheticDatasetCases(count, seed, undefined, ['a', 'b', 'c']);
}

const sameValues = (a: Float32Array, b: Float32Array): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

describe('bag sampler, single-chromosome ("w/o Pair") input', () => {
  const data = cases(4, 11);

  it('feeds one chromosome as both homologs of every pair', () => {
    const random = createRandom(5);
    const options = { ...DEFAULT_SAMPLER, singleChromosome: true };
    let abnormal = 0;
    for (let i = 0; i < 60; i++) {
      const { bag, label } = sampleBag(data, random, options);
      abnormal += label;
      for (const pair of bag.pairs) expect(sameValues(pair.homologs[0], pair.homologs[1])).toBe(true);
    }
    // Labels still follow the abnormal rate: the ablation removes the partner, not the task.
    expect(abnormal).toBeGreaterThan(15);
    expect(abnormal).toBeLessThan(45);
  });

  it('leaves the default sampler with two different homologs and the same bags for a seed', () => {
    const a = sampleBag(data, createRandom(9), DEFAULT_SAMPLER);
    const b = sampleBag(data, createRandom(9), { ...DEFAULT_SAMPLER, singleChromosome: false });
    expect(a.bag.pairs.length).toBe(b.bag.pairs.length);
    a.bag.pairs.forEach((pair, i) => {
      expect(sameValues(pair.homologs[0], pair.homologs[1])).toBe(false);
      expect(sameValues(pair.homologs[0], b.bag.pairs[i]?.homologs[0] ?? new Float32Array())).toBe(true);
    });
  });

  it('keeps either homolog at random, never a mixture', () => {
    const first = bandedProfile(createRandom(1), 300);
    const second = bandedProfile(createRandom(2), 300);
    const pair: PairInput = { homologs: [first, second], bandLevel: 550 };
    const random = createRandom(3);
    const kept = Array.from({ length: 40 }, () => singleChromosomePair(pair, random));
    for (const p of kept) {
      expect(p.homologs[0]).toBe(p.homologs[1]);
      expect(p.bandLevel).toBe(550);
    }
    const firsts = kept.filter((p) => p.homologs[0] === first).length;
    const seconds = kept.filter((p) => p.homologs[0] === second).length;
    expect(firsts + seconds).toBe(40);
    expect(firsts).toBeGreaterThan(5);
    expect(seconds).toBeGreaterThan(5);
    const bag = singleChromosomeBag({ type: '7', pairs: [pair, pair, pair] }, random);
    expect(bag.type).toBe('7');
    expect(bag.pairs).toHaveLength(3);
  });

  it('reads the input a model was trained on from its manifest, pairs when unrecorded', () => {
    expect(inputOfTraining({ input: 'single-chromosome' })).toBe('single-chromosome');
    expect(inputOfTraining({ input: 'pair' })).toBe('pair');
    expect(inputOfTraining({ steps: 4000 })).toBe('pair');
    expect(inputOfTraining(undefined)).toBe('pair');
  });
});
