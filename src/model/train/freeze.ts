import type { ParameterSpec } from '../parameters';

/**
 * What a training step may change: pretraining from scratch, pretraining the paper's Eq. 7 exactly (the
 * alignment offsets held at zero, for the ablation rows that compare with it), or a lab's fine-tuning.
 */
export type FreezePolicy = 'pretrain' | 'pretrain-without-offsets' | 'fine-tune';

/** Weights of the alignment offsets (see alignmentOffsets in hom-block.ts). */
const isOffsetWeight = (spec: ParameterSpec): boolean => /^hom\.align\d+\.offset\./.test(spec.name);

/**
 * The paper's fine-tuning (section 4.1, A.3) freezes CMSBlock and the first alignment layer of
 * HomBlock; everything else keeps learning (FINE_TUNE_RECIPE). The input calibration is the other way round:
 * it describes one lab's staining and scanner, so pretraining leaves it at identity and only a lab's
 * fine-tuning fits it.
 */
export function isFrozen(spec: ParameterSpec, policy: FreezePolicy): boolean {
  if (spec.block === 'input') return policy !== 'fine-tune';
  if (policy === 'pretrain-without-offsets') return isOffsetWeight(spec);
  return policy === 'fine-tune' && (spec.block === 'cms' || spec.block === 'align0');
}
