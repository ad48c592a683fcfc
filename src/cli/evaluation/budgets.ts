import type { HomNetArchitecture } from '../../model/architecture';
import type { HomNetModel } from '../../model/homnet-model';
import type { ModelInput } from '../../model/train/single-chromosome';
import { inputOfTraining } from '../../model/train/single-chromosome';
import type { AblationModel } from './ablations';

/** How one HomNet row's model was trained, from its manifest; null where the manifest does not say. */
export interface BudgetRow {
  readonly label: string;
  readonly modelId: string;
  /** networkOf: 'paper' or '+ pair measures'. */
  readonly network: string;
  /** Samples per region (k_mg). */
  readonly mergeRange: number;
  readonly input: ModelInput;
  /** changesOf: where its artificial changes were made. */
  readonly changes: string;
  /** Steps run (the last one), of at most `maxSteps`. */
  readonly steps: number | null;
  readonly maxSteps: number | null;
  readonly bestStep: number | null;
  /** Bags per step. */
  readonly batch: number | null;
  /** Wall clock of the whole run, minutes. */
  readonly minutes: number | null;
}

/**
 * Where a model's artificial changes were made, from its manifest's data note (train.ts writes "N % cut
 * into crop images" since that option exists; older models made all of them on the profiles).
 */
export function changesOf(training: Readonly<Record<string, unknown>> | undefined): string {
  const data = typeof training?.data === 'string' ? training.data : '';
  const share = /(\d+) % cut into crop images/.exec(data)?.[1];
  return share === undefined || share === '0' ? 'on profiles' : `${share} % on images`;
}

/** Whether a model is the paper's network or has our addition to it (MODEL_CARD.md). */
export function networkOf(arch: HomNetArchitecture): string {
  return arch.pairMeasures ? '+ pair measures' : 'paper';
}

function budgetRow(label: string, model: HomNetModel, input: ModelInput): BudgetRow {
  const training = model.info.training;
  const num = (key: string): number | null => (typeof training?.[key] === 'number' ? training[key] : null);
  return {
    label,
    modelId: model.id,
    network: networkOf(model.architecture),
    mergeRange: model.architecture.mergeRange,
    input,
    changes: changesOf(training),
    steps: num('steps'),
    maxSteps: num('maxSteps'),
    bestStep: num('bestStep'),
    batch: num('batch'),
    minutes: num('minutes'),
  };
}

/** The shipped model's row first, then one per ablation model. */
export function budgetRows(shipped: HomNetModel, ablations: readonly AblationModel[]): BudgetRow[] {
  return [
    budgetRow('HomNet (shipped)', shipped, inputOfTraining(shipped.info.training)),
    ...ablations.map((a) => budgetRow(a.label, a.model, a.input)),
  ];
}

const cell = (value: number | null | string): string => (value === null ? 'not recorded' : String(value));

/**
 * The training budget of every HomNet row (the shipped one first), and a warning when they differ: an
 * ablation trained for fewer steps than the shipped model must be compared with the same-budget HomNet
 * row, not the shipped one. Likewise for other artificial changes and another network.
 */
export function renderBudgets(rows: readonly BudgetRow[]): string[] {
  const [shipped, ...ablations] = rows;
  if (shipped === undefined) return [];
  const lines = [
    '## Training budgets',
    '',
    '| Row | Model | Network | Merge range | Input | Changes | Steps (of max) | Best step | Batch | Wall clock (min) |',
    '|---|---|---|---:|---|---|---:|---:|---:|---:|',
    ...rows.map((b) => {
      const steps =
        b.maxSteps !== null && b.maxSteps !== b.steps ? `${cell(b.steps)} (of ${b.maxSteps})` : cell(b.steps);
      return `| ${b.label} | \`${b.modelId}\` | ${b.network} | ${b.mergeRange} | ${b.input} | ${b.changes} | ${steps} | ${cell(b.bestStep)} | ${cell(b.batch)} | ${cell(b.minutes)} |`;
    }),
    '',
  ];
  const unequal = ablations.filter((a) => a.steps !== shipped.steps);
  if (unequal.length > 0) {
    lines.push(
      `Unequal budgets: ${unequal.map((a) => `${a.label} ran ${cell(a.steps)} steps`).join('; ')}, ` +
        `the shipped HomNet ${cell(shipped.steps)}. Compare ablation rows with **HomNet (same budget)**, not with the shipped row. ` +
        'Wall-clock minutes depend on what else the machine ran (`train:ablations` runs at low priority) and only show the order of magnitude.',
      '',
    );
  }
  const otherRecipe = ablations.filter((a) => a.changes !== shipped.changes);
  if (otherRecipe.length > 0) {
    lines.push(
      `Other artificial changes: ${otherRecipe.map((a) => `${a.label} (${a.changes})`).join(', ')}; ` +
        `the shipped HomNet ${shipped.changes}. An ablation row shows what its change costs against HomNet trained the same way.`,
      '',
    );
  }
  const otherNetwork = ablations.filter((a) => a.network !== shipped.network);
  if (otherNetwork.length > 0) {
    lines.push(
      `Other network: ${otherNetwork.map((a) => `${a.label} (${a.network})`).join(', ')}; ` +
        `the shipped HomNet ${shipped.network}.`,
      '',
    );
  }
  return lines;
}
