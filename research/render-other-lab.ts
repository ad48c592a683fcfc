import { formatFigures } from '../src/cli/evaluation/lab-figures';
import { formatRecovery, formatSplitSummary } from './lab-recovery';
import type { OtherLabOptions, SplitResult } from './other-lab-experiment';
import { recoveryOf } from './other-lab-experiment';

/** The first lines: the other lab's look and the fine-tuning recipe. */
export function renderOtherLabHeader(options: OtherLabOptions): string {
  return `lab ${options.labName} ${JSON.stringify(options.style)}\nlr ${options.lr}, ${options.steps} steps at most, ${options.evalBags} bags per evaluation\n`;
}

/** One split's figures and what fine-tuning won back. */
export function renderSplit(split: SplitResult): string {
  const lines = [
    `split ${split.seed}: ${split.tuningCases} cases of the other lab to fine-tune on, ${split.heldBackCases} held back`,
    formatFigures('  shipped model, held-back cases as imaged here', split.onOriginal),
    formatFigures('  shipped model, same cases from the other lab', split.before),
    formatFigures('  fine-tuned on the other lab, same cases', split.after),
  ];
  if (split.control)
    lines.push(formatFigures('  control: fine-tuned on the same cases as imaged here', split.control));
  lines.push(`  ${formatRecovery(recoveryOf(split))}`);
  return `${lines.join('\n')}\n`;
}

/** The mean over the splits, when there is more than one (else nothing). */
export function renderSplitSummary(splits: readonly SplitResult[]): string {
  return splits.length > 1 ? `${formatSplitSummary(splits.map(recoveryOf))}\n` : '';
}
