import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileSyntheticCells } from '../profiles/synthetic-cells';
import { generateCase } from '../../karyotype/synthetic-case';
import { loadModel } from '../../model/load-model';
import type { HomNetModel } from '../../model/homnet-model';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import type { BandLevel } from '../../shared/chromosome-types';
import { scoreCase } from './score-case';

const modelsDir = fileURLToPath(new URL('../../../public/models/', import.meta.url));
const shipped = existsSync(`${modelsDir}index.json`)
  ? (JSON.parse(readFileSync(`${modelsDir}index.json`, 'utf8')) as { default: string }).default
  : null;

let model: HomNetModel | null = null;

async function scoreSynthetic(karyotype: string, seed: number, level: BandLevel) {
  const synthetic = generateCase({ karyotype, cells: 3, level, seed });
  const cells = await profileSyntheticCells(synthetic.cells);
  if (model === null) throw new Error('model not loaded');
  return scoreCase(model, { id: karyotype, cells, errors: [] });
}

/**
 * Seeds 2–6 at band levels 400 and 550. `npx tsx research/synthetic-ranking.ts --seeds 16` measures
 * seeds 1–16 at both levels: with homnet-0027f4263f01 chromosome 5 ranks first in all 32 cases (median
 * lead 0.35). The two models before it ranked 5 first in 31 and 29 of 32 (median leads 0.41 and 0.21).
 */
const CASES = [400, 550].flatMap((level) => [2, 3, 4, 5, 6].map((seed) => ({ level, seed })));

/** Rank of chromosome 5 in each case of CASES, filled by the per-case tests. */
const ranksOf5: number[] = [];

// Needs the shipped model (public/models/index.json); skipped in a checkout that has none.
describe.skipIf(shipped === null)('a synthetic case through imaging and the shipped model', () => {
  beforeAll(async () => {
    model = await loadModel({
      weights: await readArtifactsFromDirectory(`${modelsDir}${shipped ?? ''}`),
      backend: 'wasm',
    });
  });
  afterAll(() => {
    model?.dispose();
    model = null;
  });

  it.each(CASES)(
    'reads 46,XY,del(5)(p14) (seed $seed, $level bands) back as 2 copies of every autosome and ranks chromosome 5 in the top two',
    async ({ seed, level }) => {
      const deleted = await scoreSynthetic('46,XY,del(5)(p14)', seed, level as BandLevel);
      for (const verdict of deleted.types.filter((t) => t.type !== 'X' && t.type !== 'Y')) {
        expect(verdict.copies, `type ${verdict.type}`).toEqual([2, 2, 2]);
      }
      const ranked = [...deleted.types]
        .filter((t) => t.score !== null)
        .sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
      const top3 = ranked.slice(0, 3).map((t) => `${t.type} ${(t.score ?? 0).toFixed(2)}`);
      const rank = ranked.findIndex((t) => t.type === '5') + 1;
      ranksOf5.push(rank);
      expect(rank, `highest: ${top3.join(', ')}`).toBeGreaterThanOrEqual(1);
      expect(rank, `highest: ${top3.join(', ')}`).toBeLessThanOrEqual(2);
    },
  );

  it('ranks chromosome 5 first in at least 8 of those 10 cases', () => {
    expect(ranksOf5).toHaveLength(CASES.length);
    expect(ranksOf5.filter((rank) => rank === 1).length).toBeGreaterThanOrEqual(8);
  });

  it('scores chromosome 5 of the deletion well above chromosome 5 of a normal 46,XY case', async () => {
    const deleted = await scoreSynthetic('46,XY,del(5)(p14)', 5, 400);
    const normal = await scoreSynthetic('46,XY', 5, 400);
    const score = (types: typeof deleted.types) => types.find((t) => t.type === '5')?.score ?? Number.NaN;
    expect(score(deleted.types)).toBeGreaterThan(score(normal.types) + 0.2);
  });
});
