import { describe, expect, it } from 'vitest';
import { PROFILE_LENGTH } from '../../shared/profile';
import { createRandom } from '../../shared/random';
import { bandedProfile, deleteSegment } from '../testing/synthetic-bags';
import { bagFeatures, pairFeatures } from './hand-features';
import { dtwDistance } from '../profile-tracks';
import { fitLogistic, predictLogistic } from './logistic-regression';
import { rocAuc } from './metrics';

describe('LR baseline on hand features', () => {
  it('gives zero DTW distance for identical tracks and more for shifted ones', () => {
    const a = Float32Array.from([0, 1, 0, 1, 0, 0]);
    expect(dtwDistance(a, a)).toBe(0);
    expect(dtwDistance(a, Float32Array.from([1, 1, 1, 1, 1, 1]))).toBeGreaterThan(0.1);
  });

  it('is symmetric in the two homologs', () => {
    const random = createRandom(1);
    const a = { profile: bandedProfile(random, 300), samples: 300 };
    const b = { profile: bandedProfile(random, 280), samples: 280 };
    expect(pairFeatures(a, b)).toEqual(pairFeatures(b, a));
  });

  it('learns to separate pairs with a large deletion from normal pairs', () => {
    const random = createRandom(2);
    const make = (abnormal: boolean) => {
      const length = random.int(200, 400);
      const p = bandedProfile(random, length);
      const cut = Math.floor(length * 0.3);
      const q = abnormal ? deleteSegment(p, length, cut, cut + Math.floor(length * 0.3)) : p;
      const qLength = abnormal ? length - Math.floor(length * 0.3) : length;
      expect(q.length).toBe(2 * PROFILE_LENGTH);
      return bagFeatures([
        [
          { profile: p, samples: length },
          { profile: q, samples: qLength },
        ],
      ]);
    };
    const labels = Array.from({ length: 80 }, (_, i) => i % 2);
    const rows = labels.map((l) => make(l === 1));
    const model = fitLogistic(rows, labels);
    const testLabels = Array.from({ length: 40 }, (_, i) => i % 2);
    const scored = testLabels.map((l) => ({
      score: predictLogistic(model, make(l === 1)),
      abnormal: l === 1,
    }));
    expect(rocAuc(scored)).toBeGreaterThan(0.95);
  });
});
