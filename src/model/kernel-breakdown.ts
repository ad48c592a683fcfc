import type { MarkedStage } from './stage-marks';

/** One kernel of a profiled forward pass: its tfjs name, its time and the marked stage it ran in. */
export interface ProfiledKernel {
  readonly name: string;
  readonly ms: number;
  /** The innermost marked stage (stage-marks.ts) around the kernel; null outside every mark. */
  readonly stage: MarkedStage | null;
}

/** Where a forward pass's kernel time goes, in the order docs/performance.md lists it. */
export const KERNEL_CATEGORIES = [
  'dense matmuls',
  'attention matmuls',
  'attention softmax',
  'layer norms',
  'GELU',
  'input calibration',
  'bias and residual adds, other element-wise',
  'layout (transpose, concat, slice, reshape)',
] as const;
export type KernelCategory = (typeof KERNEL_CATEGORIES)[number];

const MATMUL_KERNELS = new Set(['BatchMatMul', '_FusedMatMul', 'MatMul']);
const LAYOUT_KERNELS = new Set([
  'Transpose',
  'Reshape',
  'Concat',
  'Slice',
  'Cast',
  'Unpack',
  'Pack',
  'Identity',
  'Tile',
  'GatherV2',
  'StridedSlice',
]);

const STAGE_CATEGORY: Record<Exclude<MarkedStage, 'attention'>, KernelCategory> = {
  'attention softmax': 'attention softmax',
  'layer norm': 'layer norms',
  GELU: 'GELU',
  'input calibration': 'input calibration',
};

/**
 * The category of one kernel: a matmul is a dense or an attention matmul by its stage; any other kernel
 * inside a marked stage belongs to it (GELU's Multiply is GELU's); outside, layout kernels are layout and
 * the rest element-wise (the bias and residual adds, the difference norms).
 */
export function categoryOf(kernel: ProfiledKernel): KernelCategory {
  if (MATMUL_KERNELS.has(kernel.name)) {
    return kernel.stage === 'attention' ? 'attention matmuls' : 'dense matmuls';
  }
  if (kernel.stage !== null && kernel.stage !== 'attention') return STAGE_CATEGORY[kernel.stage];
  if (LAYOUT_KERNELS.has(kernel.name)) return 'layout (transpose, concat, slice, reshape)';
  return 'bias and residual adds, other element-wise';
}

/** Kernel time and count of one category. */
export interface CategoryTime {
  readonly category: KernelCategory;
  readonly ms: number;
  readonly kernels: number;
}

/** Sums kernel times by category, in KERNEL_CATEGORIES order, leaving out categories with no kernel. */
export function groupKernels(kernels: readonly ProfiledKernel[]): CategoryTime[] {
  const totals = new Map<KernelCategory, { ms: number; kernels: number }>();
  for (const kernel of kernels) {
    const category = categoryOf(kernel);
    const total = totals.get(category) ?? { ms: 0, kernels: 0 };
    totals.set(category, { ms: total.ms + kernel.ms, kernels: total.kernels + 1 });
  }
  return KERNEL_CATEGORIES.flatMap((category) => {
    const total = totals.get(category);
    return total ? [{ category, ...total }] : [];
  });
}

/**
 * Gives each kernel the innermost stage that was open when it ran, from the marks' kernel index ranges
 * (`from` inclusive, `to` exclusive) as the profile recorded them when each stage ended.
 */
export function stagesByIndex(
  kernelCount: number,
  closed: readonly { readonly stage: MarkedStage; readonly from: number; readonly to: number }[],
): (MarkedStage | null)[] {
  const stages: (MarkedStage | null)[] = new Array<MarkedStage | null>(kernelCount).fill(null);
  // Inner stages close before their parents, so the first range to claim a kernel is its innermost.
  for (const { stage, from, to } of closed) {
    for (let i = Math.max(0, from); i < Math.min(kernelCount, to); i++) stages[i] ??= stage;
  }
  return stages;
}
