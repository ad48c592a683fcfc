import { describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import type { PairInput } from '../inputs';
import { bandedProfile } from '../testing/synthetic-bags';
import type { ArtificialChange } from '../../karyotype/artificial-changes';
import type { SizedProfile } from '../../karyotype/true-profile';
import { PROFILE_LENGTH, PROFILE_ROWS } from '../../shared/profile';
import type { PairImageEditor } from './bag-sampler';
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

/** A profile of `length` samples all at `darkness`, to recognise what an editor returned. */
function marker(darkness: number, length: number): SizedProfile {
  const profile = new Float32Array(PROFILE_ROWS * PROFILE_LENGTH);
  for (let i = 0; i < length; i++) {
    profile[i] = darkness;
    profile[PROFILE_LENGTH + i] = darkness;
  }
  return { profile, length };
}

describe('bag sampler, changes cut into images', () => {
  const data = cases(4, 12);
  const options = { ...DEFAULT_SAMPLER, augment: 0, imageChangeRate: 0.5 };
  const kept = marker(0.11, 100);
  const changed = marker(0.77, 90);

  function recordingEditor(answer: [SizedProfile, SizedProfile] | null): {
    editor: PairImageEditor;
    calls: { caseId: string; change: ArtificialChange }[];
  } {
    const calls: { caseId: string; change: ArtificialChange }[] = [];
    return {
      calls,
      editor: {
        edit: (caseId, _cell, _type, _homolog, change) => {
          calls.push({ caseId, change });
          return answer;
        },
      },
    };
  }

  const isMarked = (pair: PairInput): boolean =>
    pair.homologs.some((h) => h[0] === changed.profile[0]) &&
    pair.homologs.some((h) => h[0] === kept.profile[0]);

  it('cuts the share asked for into images, the same change in every cell, never in normal or two-type bags', () => {
    const { editor, calls } = recordingEditor([kept, changed]);
    const random = createRandom(21);
    let artificial = 0;
    let onImages = 0;
    let pairsOnImages = 0;
    for (let i = 0; i < 400; i++) {
      const before = calls.length;
      const sampled = sampleBag(data, random, options, editor);
      const marked = sampled.bag.pairs.map(isMarked);
      const made = calls.slice(before);
      if (sampled.kind === 'normal' || sampled.kind === 'different-type') {
        expect(made).toHaveLength(0);
        expect(marked.some(Boolean)).toBe(false);
        continue;
      }
      artificial++;
      // All pairs or none: a carrier's cells all hold the same derivative.
      expect(new Set(marked).size).toBe(1);
      if (!marked[0]) continue;
      onImages++;
      pairsOnImages += marked.length;
      expect(made.every((c) => c.caseId === sampled.caseId && c.change === made[0]?.change)).toBe(true);
      expect(made[0]?.change.kind).toBe(sampled.kind);
    }
    expect(calls).toHaveLength(pairsOnImages);
    expect(onImages / artificial).toBeGreaterThan(0.38);
    expect(onImages / artificial).toBeLessThan(0.62);
  });

  it('makes the change on the profiles when the editor has no images of the cell', () => {
    const { editor, calls } = recordingEditor(null);
    const random = createRandom(22);
    const bags = Array.from({ length: 200 }, () => sampleBag(data, random, options, editor));
    expect(calls.length).toBeGreaterThan(0);
    const artificial = bags.filter((b) => b.kind !== 'normal' && b.kind !== 'different-type');
    expect(artificial.length).toBeGreaterThan(40);
    for (const b of artificial) {
      expect(b.label).toBe(1);
      expect(b.bag.pairs.some(isMarked)).toBe(false);
    }
  });

  it('draws nothing more without an editor, so bags made without images stay the same for a seed', () => {
    for (let seed = 30; seed < 40; seed++) {
      const a = sampleBag(data, createRandom(seed), { ...DEFAULT_SAMPLER, imageChangeRate: 0 });
      const b = sampleBag(data, createRandom(seed), { ...DEFAULT_SAMPLER, imageChangeRate: 1 });
      expect(b.kind).toBe(a.kind);
      a.bag.pairs.forEach((pair, i) => {
        expect(sameValues(pair.homologs[1], b.bag.pairs[i]?.homologs[1] ?? new Float32Array())).toBe(true);
      });
    }
  });
});
