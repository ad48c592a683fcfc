import { DEFAULT_ARCHITECTURE } from '../../model/architecture';
import type { ModelInput } from '../../model/train/single-chromosome';

/** Where `npm run train:ablations` puts its models, one folder per variant (relative to the checkout). */
export const ABLATIONS_DIR = '.checkpoints/ablations';

/** The one training budget every ablation model gets, so that their rows compare like with like. */
export const ABLATION_BUDGET = { steps: 1500, batch: 48, seed: 1, evalEvery: 100 } as const;

/** One model of the ablation study (paper Table 4) and the `npm run train` options that make it. */
export interface AblationVariant {
  /** Folder name under ABLATIONS_DIR (no '#' or '/', so it is safe in shells and globs). */
  readonly folder: string;
  /** Row label in docs/evaluation.md, also written into the manifest as `training.variant`. */
  readonly variant: string;
  readonly mergeRange: number;
  readonly input: ModelInput;
}

export const ABLATIONS: readonly AblationVariant[] = [
  // HomNet itself at the ablations' budget: the shipped model trained longer, so it is not the reference.
  { folder: 'homnet-same-budget', variant: 'HomNet (same budget)', mergeRange: 32, input: 'pair' },
  { folder: 'range-8', variant: 'range#8', mergeRange: 8, input: 'pair' },
  { folder: 'range-16', variant: 'range#16', mergeRange: 16, input: 'pair' },
  { folder: 'range-64', variant: 'range#64', mergeRange: 64, input: 'pair' },
  { folder: 'wo-pair', variant: 'w/o Pair', mergeRange: 32, input: 'single-chromosome' },
];

/** The label of a trained model when none was given: what differs from HomNet, in the paper's words. */
export function defaultVariantName(mergeRange: number, input: ModelInput): string {
  const parts: string[] = [];
  if (input === 'single-chromosome') parts.push('w/o Pair');
  if (mergeRange !== DEFAULT_ARCHITECTURE.mergeRange) parts.push(`range#${mergeRange}`);
  return parts.length > 0 ? parts.join(', ') : 'HomNet';
}

/** `npm run train` arguments of one variant at the common budget. */
export function trainArguments(variant: AblationVariant, data: string, out: string): string[] {
  return [
    '--data',
    data,
    '--out',
    out,
    '--resume',
    '--steps',
    String(ABLATION_BUDGET.steps),
    '--batch',
    String(ABLATION_BUDGET.batch),
    '--seed',
    String(ABLATION_BUDGET.seed),
    '--eval-every',
    String(ABLATION_BUDGET.evalEvery),
    '--merge-range',
    String(variant.mergeRange),
    '--variant',
    variant.variant,
    ...(variant.input === 'single-chromosome' ? ['--single-chromosome'] : []),
  ];
}
