import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import type { HomNetModel } from './homnet-model';
import type { BagInput } from './inputs';
import { createModel } from './load-model';
import { testBag } from './testing/synthetic-bags';

describe('HomNet predictions', () => {
  let model: HomNetModel;
  beforeAll(async () => {
    model = await createModel({ seed: 11, backend: 'wasm' });
  });
  afterAll(() => {
    model.dispose();
  });

  it('does not change when the two homologs of a pair are swapped', async () => {
    const random = createRandom(1);
    const bag = testBag(random, '9', 3, true);
    const swapped: BagInput = {
      type: bag.type,
      pairs: bag.pairs.map((p) => ({ ...p, homologs: [p.homologs[1], p.homologs[0]] as const })),
    };
    const [a, b] = await model.predict([bag, swapped]);
    expect(a && b).toBeTruthy();
    if (!a || !b) return;
    expect(Math.abs(a.probability - b.probability)).toBeLessThanOrEqual(1e-6);
    a.pairs.forEach((pair, i) => {
      const other = b.pairs[i];
      expect(Math.abs(pair.alpha - (other?.alpha ?? Number.NaN))).toBeLessThanOrEqual(1e-6);
      // The difference of homolog 1 becomes that of homolog 2 and vice versa.
      expect(Array.from(pair.difference[0])).toEqual(Array.from(other?.difference[1] ?? []));
      expect(Array.from(pair.attention[0]?.[0]?.oneToTwo ?? [])).toEqual(
        Array.from(other?.attention[0]?.[0]?.twoToOne ?? []),
      );
    });
  });

  it('does not change when the pairs of a bag are permuted', async () => {
    const random = createRandom(2);
    const bag = testBag(random, '14', 5, true);
    const order = [3, 0, 4, 1, 2];
    const permuted: BagInput = { type: bag.type, pairs: order.flatMap((i) => bag.pairs.slice(i, i + 1)) };
    const [a, b] = await model.predict([bag, permuted]);
    expect(Math.abs((a?.probability ?? 0) - (b?.probability ?? 1))).toBeLessThanOrEqual(1e-6);
    order.forEach((from, to) => {
      expect(Math.abs((b?.pairs[to]?.alpha ?? 0) - (a?.pairs[from]?.alpha ?? 1))).toBeLessThanOrEqual(1e-6);
    });
  });

  it('scores bags of one pair and of twenty', async () => {
    const random = createRandom(3);
    const results = await model.predict([testBag(random, '21', 1, false), testBag(random, '1', 20, false)]);
    expect(results).toHaveLength(2);
    expect(results[0]?.pairs).toHaveLength(1);
    expect(results[1]?.pairs).toHaveLength(20);
    for (const r of results) expect(r.probability > 0 && r.probability < 1).toBe(true);
    const pair = results[1]?.pairs[19];
    expect(pair?.attention).toHaveLength(2);
    expect(pair?.attention[1]).toHaveLength(4);
    expect(pair?.attention[1]?.[3]?.oneToTwo).toHaveLength(256);
    expect(pair?.difference[1]).toHaveLength(16);
  });

  it('gives the same answer batched, one bag at a time and split into small calls', async () => {
    const random = createRandom(4);
    const bags = ['1', '2', '3', '4', '5', '6'].map((t, i) => testBag(random, t as '1', 1 + i, i % 2 === 0));
    const batched = await model.predict(bags);
    const split = await model.predict(bags, { maxPairsPerCall: 4 });
    const single = await Promise.all(bags.map(async (bag) => (await model.predict([bag]))[0]));
    batched.forEach((r, i) => {
      expect(Math.abs(r.probability - (single[i]?.probability ?? 0))).toBeLessThan(1e-5);
      expect(Math.abs(r.probability - (split[i]?.probability ?? 0))).toBeLessThan(1e-5);
    });
  });

  it('reads back only scores when details are not asked for', async () => {
    const random = createRandom(5);
    const [r] = await model.predict([testBag(random, 'Y', 2, false)], { details: false });
    expect(r?.pairs).toEqual([]);
    expect(Number.isFinite(r?.logit)).toBe(true);
  });
});
