import { describe, expect, it } from 'vitest';
import type { DatasetCase } from '../../model/train/dataset';
import { createRandom } from '../../shared/random';
import { datasetCell } from '../../model/train/crop-cells';
import type { CaseCrops } from '../../model/train/crop-cells';
import { imageLevelBag, pooledImageBag } from './image-level-sets';
import { syntheticCropCase } from '../../pipeline/testing/synthetic-crop-case';

/** Three synthetic cases of two cells each: their crops and their cells profiled as `train` reads them. */
function evaluationCases(): { cases: DatasetCase[]; crops: CaseCrops } {
  const crops: CaseCrops = new Map();
  const cases: DatasetCase[] = [];
  for (const seed of [1, 2, 3]) {
    const id = `case-${String(seed)}`;
    const cells = syntheticCropCase(seed);
    crops.set(id, cells);
    cases.push({ id, cells: [...cells].map(([cellId, images]) => datasetCell(cellId, images)) });
  }
  return { cases, crops };
}

const { cases, crops } = evaluationCases();

/** Whether a profile is one of a case's unchanged profiles. */
function isOriginal(profile: Float32Array): boolean {
  return cases.some((c) =>
    c.cells.some((cell) => cell.chromosomes.some((x) => x.profile.every((v, i) => v === profile[i]))),
  );
}

describe('pooledImageBag', () => {
  it('joins one cell of each of `cellCount` different cases', () => {
    const random = createRandom(5);
    for (const cellCount of [1, 2, 3]) {
      const bag = pooledImageBag(cases, crops, random, false, 'standard', cellCount);
      const joined = bag.caseId.split('+');
      expect(joined).toHaveLength(cellCount);
      expect(new Set(joined).size).toBe(cellCount);
      expect(bag.bag.pairs).toHaveLength(cellCount);
    }
  });

  it('leaves normal bags as they are and changes one homolog of every pair in abnormal ones', () => {
    const random = createRandom(6);
    const normal = pooledImageBag(cases, crops, random, false, 'subtle', 3);
    expect(normal.label).toBe(0);
    expect(normal.kind).toBe('normal');
    for (const pair of normal.bag.pairs) expect(pair.homologs.every((h) => isOriginal(h))).toBe(true);

    const abnormal = pooledImageBag(cases, crops, random, true, 'subtle', 3);
    expect(abnormal.label).toBe(1);
    expect(abnormal.size).toBe('subtle');
    expect(abnormal.kind).not.toBe('normal');
    for (const pair of abnormal.bag.pairs) {
      expect(pair.homologs.filter((h) => !isOriginal(h)).length).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);

  it('draws the same bags from the same seed', () => {
    const draw = () => pooledImageBag(cases, crops, createRandom(11), true, 'standard', 2);
    const [a, b] = [draw(), draw()];
    expect(a.caseId).toBe(b.caseId);
    expect(a.kind).toBe(b.kind);
    expect(a.bag.pairs[0]?.homologs[0]).toEqual(b.bag.pairs[0]?.homologs[0]);
  }, 60_000);
});

describe('imageLevelBag', () => {
  it('takes every cell of one case that holds the pair', () => {
    const bag = imageLevelBag(cases, crops, createRandom(3), true, 'standard');
    expect(bag.caseId).toMatch(/^case-\d$/);
    expect(bag.bag.pairs).toHaveLength(2);
    expect(bag.label).toBe(1);
  }, 60_000);
});
