/**
 * `npx tsx research/synthetic-ranking.ts [--seeds 8] [--real-cases 60] [--json]`: how the shipped model
 * ranks chromosome 5 in generated 46,XY,del(5)(p14) cases of 3 cells (seeds 1…N × band levels 400 and
 * 550, read back through the karyogram image pipeline), which types score high in generated NORMAL
 * cases, how well profiles match the truth per type, and how generated chromosomes compare with real
 * pki3 crops (relative length, homolog-to-homolog differences, contrast; median per type). A
 * measurement for issue #3, not a test: nothing is tuned to it.
 */
import { hasSwitch, integerOption, parseArgs, runCli } from '../src/cli/common/args';
import { renderRankingJson, renderRankingSummary } from './render-synthetic-ranking';
import { rankSyntheticCases } from './synthetic-ranking-figures';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { seeds: 'value', 'real-cases': 'value', json: 'switch' });
  const figures = await rankSyntheticCases(
    integerOption(args, 'seeds', 8),
    integerOption(args, 'real-cases', 60),
    (line) => process.stderr.write(line),
  );
  process.stderr.write(renderRankingSummary(figures));
  if (hasSwitch(args, 'json')) process.stdout.write(renderRankingJson(figures));
  return 0;
}

runCli(main);
