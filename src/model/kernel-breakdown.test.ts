import { describe, expect, it } from 'vitest';
import { categoryOf, groupKernels, stagesByIndex, type ProfiledKernel } from './kernel-breakdown';

const kernel = (name: string, ms: number, stage: ProfiledKernel['stage'] = null): ProfiledKernel => ({
  name,
  ms,
  stage,
});

describe('kernel breakdown', () => {
  it('tells matmuls of the attention from dense ones by the stage they ran in', () => {
    expect(categoryOf(kernel('BatchMatMul', 1, 'attention'))).toBe('attention matmuls');
    expect(categoryOf(kernel('BatchMatMul', 1))).toBe('dense matmuls');
    expect(categoryOf(kernel('_FusedMatMul', 1, 'GELU'))).toBe('dense matmuls');
  });

  it('gives any other kernel of a marked stage to that stage, and sorts the unmarked ones by kind', () => {
    expect(categoryOf(kernel('Multiply', 1, 'GELU'))).toBe('GELU');
    expect(categoryOf(kernel('Multiply', 1, 'layer norm'))).toBe('layer norms');
    expect(categoryOf(kernel('Softmax', 1, 'attention softmax'))).toBe('attention softmax');
    expect(categoryOf(kernel('Multiply', 1))).toBe('bias and residual adds, other element-wise');
    expect(categoryOf(kernel('Transpose', 1, 'attention'))).toBe(
      'layout (transpose, concat, slice, reshape)',
    );
    expect(categoryOf(kernel('RealDiv', 1, 'attention'))).toBe('bias and residual adds, other element-wise');
  });

  it('sums time and count per category in the documented order', () => {
    const grouped = groupKernels([
      kernel('Add', 0.5),
      kernel('BatchMatMul', 2),
      kernel('Sigmoid', 0.25, 'GELU'),
      kernel('BatchMatMul', 3),
      kernel('Square', 0.25, 'GELU'),
    ]);
    expect(grouped).toEqual([
      { category: 'dense matmuls', ms: 5, kernels: 2 },
      { category: 'GELU', ms: 0.5, kernels: 2 },
      { category: 'bias and residual adds, other element-wise', ms: 0.5, kernels: 1 },
    ]);
  });

  it('marks each kernel with its innermost open stage', () => {
    // attention [2, 7) holds attention softmax [3, 5); kernels 0, 1 and 7 ran outside every mark.
    const stages = stagesByIndex(8, [
      { stage: 'attention softmax', from: 3, to: 5 },
      { stage: 'attention', from: 2, to: 7 },
    ]);
    expect(stages).toEqual([
      null,
      null,
      'attention',
      'attention softmax',
      'attention softmax',
      'attention',
      'attention',
      null,
    ]);
  });
});
