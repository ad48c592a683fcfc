import { createRandom } from '../../shared/random';

/**
 * Seeded non-zero values for the pair measures' weights, which a new model starts at zero: backend
 * agreement tests must run that path with weights that change the result, or a wrong layout on one
 * backend would go unseen.
 */
export function withAdditionWeights(
  values: ReadonlyMap<string, Float32Array>,
  seed: number,
): Map<string, Float32Array> {
  const random = createRandom(seed);
  const out = new Map(values);
  const kernel = values.get('hom.measures.kernel');
  if (kernel)
    out.set(
      'hom.measures.kernel',
      Float32Array.from(kernel, () => random.uniform(-0.3, 0.3)),
    );
  return out;
}
