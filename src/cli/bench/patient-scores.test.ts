import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HomNetModel } from '../../model/homnet-model';
import { createModel } from '../../model/load-model';
import { benchmarkPatient } from './patient';

/**
 * The logits of a seeded network (seed 25) on the benchmark patient of 2 cells (seed 7), as the code before
 * issue #25's speed work computed them (commit b64a7ee): the stage marks and the faster pair measures must
 * leave every score where it was.
 */
const LOGITS_BEFORE = [
  0.06923185288906097, -0.02321922779083252, 0.178854301571846, 0.04267112910747528, 0.01444861851632595,
  0.16170638799667358, 0.04508616402745247, -0.12278454005718231, 0.12647652626037598, -0.0409892201423645,
  -0.13179296255111694, 0.13286909461021423, 0.04588678106665611, -0.13115383684635162, -0.09989520907402039,
  -0.10970605164766312, 0.05016139894723892, -0.1307363212108612, -0.323067843914032, -0.028364520519971848,
  -0.2096889466047287, 0.13579398393630981, -0.007833791896700859,
];
const FIRST_ALPHAS_BEFORE = [
  0.4280632734298706, 0.44943803548812866, 0.38388124108314514, 0.37009626626968384, 0.45834264159202576,
  0.4461793303489685,
];

describe("the benchmark patient's scores", () => {
  let model: HomNetModel;
  beforeAll(async () => {
    model = await createModel({ seed: 25, backend: 'wasm' });
  });
  afterAll(() => {
    model.dispose();
  });

  it('are those of the code before the speed work, to 1e-5', async () => {
    const bags = await model.predict(benchmarkPatient(2, 7));
    expect(bags).toHaveLength(LOGITS_BEFORE.length);
    bags.forEach((bag, i) => {
      expect(Math.abs(bag.logit - (LOGITS_BEFORE[i] ?? Number.NaN))).toBeLessThanOrEqual(1e-5);
    });
    const alphas = bags
      .flatMap((bag) => bag.pairs.map((pair) => pair.alpha))
      .slice(0, FIRST_ALPHAS_BEFORE.length);
    alphas.forEach((alpha, i) => {
      expect(Math.abs(alpha - (FIRST_ALPHAS_BEFORE[i] ?? Number.NaN))).toBeLessThanOrEqual(1e-5);
    });
  });
});
