import type { HomNetModel } from './homnet-model';

/**
 * Whether a model uses the alignment offsets (see alignmentOffsets in hom-block.ts): models trained before
 * they existed load with all-zero offset kernels and compute exactly the paper's Eq. 7.
 */
export async function usesAlignmentOffsets(model: HomNetModel): Promise<boolean> {
  const values = await model.weights.read();
  for (let layer = 0; layer < model.architecture.alignmentLayers; layer++) {
    const kernel = values.get(`hom.align${layer}.offset.kernel`);
    if (kernel?.some((v) => v !== 0)) return true;
  }
  return false;
}
