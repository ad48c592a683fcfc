import { createRandom } from '../../shared/random';

/**
 * Seeded non-zero values for the weights of our additions to the paper's network (pair measures, position
 * bias), which a new model starts at zero: backend agreement tests must run those paths with weights that
 * change the result, or a wrong layout on one backend would go unseen.
 */
export function withAdditionWeights(
  values: ReadonlyMap<string, Float32Array>,
  seed: number,
): Map<string, Float32Array> {
  const random = createRandom(seed);
  const out = new Map(values);
  for (const [name, data] of values) {
    const scale = name === 'hom.measures.kernel' ? 0.3 : /^hom\.align\d+\.position$/.test(name) ? 1 : 0;
    if (scale === 0) continue;
    out.set(
      name,
      Float32Array.from(data, () => random.uniform(-scale, scale)),
    );
  }
  return out;
}
