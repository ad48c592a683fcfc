import type { ParameterSpec } from '../parameters';

/** What a training step may change: pretraining from scratch, or a lab's fine-tuning. */
export type FreezePolicy = 'pretrain' | 'fine-tune';

/**
 * The paper's fine-tuning (section 4.1, A.3) freezes CMSBlock and the first alignment layer of
 * HomBlock; everything else keeps learning (FINE_TUNE_RECIPE). The input calibration is the other way round:
 * it describes one lab's staining and scanner, so pretraining leaves it at identity and only a lab's
 * fine-tuning fits it.
 */
export function isFrozen(spec: ParameterSpec, policy: FreezePolicy): boolean {
  if (spec.block === 'input') return policy === 'pretrain';
  return policy === 'fine-tune' && (spec.block === 'cms' || spec.block === 'align0');
}
