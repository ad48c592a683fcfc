import { ABLATIONS, ABLATIONS_DIR, ABLATION_BUDGET } from './common/ablation-plan';
import { UsageError, hasSwitch, parseArgs, runCli, stringOption } from './common/args';
import { trainAblations } from './training/ablation-runner';

const USAGE = `usage: npm run train:ablations -- [--data <crop-bundle dir>] [--only <folder>[,<folder>…]]
  Trains the Table 4 ablation models one after the other at one budget (${ABLATION_BUDGET.steps} steps,
  batch ${ABLATION_BUDGET.batch}, seed ${ABLATION_BUDGET.seed}) into ${ABLATIONS_DIR}/<folder>/:
  ${ABLATIONS.map((a) => `${a.folder} (${a.variant})`).join(', ')}.
  Finished models (a manifest.json) are skipped; an interrupted one resumes from its last checkpoint
  (every ${ABLATION_BUDGET.evalEvery} steps). Stop it with: kill $(cat ${ABLATIONS_DIR}/runner.pid)`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { help: 'switch', data: 'value', only: 'value' });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data') ?? '../shared/data/pki3';
  const only = stringOption(args, 'only')?.split(',');
  const unknown = only?.filter((folder) => !ABLATIONS.some((a) => a.folder === folder)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--only: unknown variant ${unknown.join(', ')}\n${USAGE}`);
  // Cheapest first, so that a session cut short still ends with rows: fewer regions (a larger merge range)
  // train faster, and range#8's 64 × 64 attention is by far the slowest.
  const variants = ABLATIONS.filter((a) => !only || only.includes(a.folder)).sort(
    (a, b) => b.mergeRange - a.mergeRange,
  );
  return trainAblations(variants, data);
}

runCli(main);
