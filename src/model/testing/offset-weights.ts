import { createRandom } from '../../shared/random';

/**
 * Fills the alignment offsets' weights with seeded values in [−1, 1]. They start at zero in a new model,
 * where a test comparing backends would never see them computed; trained models use them.
 */
export function withOffsetWeights(
  values: Map<string, Float32Array>,
  seed: number,
): Map<string, Float32Array> {
  const random = createRandom(seed);
  for (const [name, weights] of values) {
    if (!/^hom\.align\d+\.offset\./.test(name)) continue;
    for (let i = 0; i < weights.length; i++) weights[i] = random.uniform(-1, 1);
  }
  return values;
}
