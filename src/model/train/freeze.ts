import type { ParameterSpec } from '../parameters';

/** What a training step may change. */
export type FreezePolicy = 'none' | 'fine-tune';

/**
 * The paper's fine-tuning (section 4.1, A.3) freezes CMSBlock and the first alignment layer of
 * HomBlock; everything else keeps learning at lr 1e-5.
 */
export function isFrozen(spec: ParameterSpec, policy: FreezePolicy): boolean {
  return policy === 'fine-tune' && (spec.block === 'cms' || spec.block === 'align0');
}
