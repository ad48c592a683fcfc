import { integerOption, parseArgs, runCli } from './common/args';
import { checkSyntheticCells } from './evaluation/synthetic-check';

/**
 * `npm run -s check:synthetic -- --cells 100`: reads generated karyograms back through the image
 * pipeline and prints, as JSON, how many cells come out entirely right and how well profiles match the
 * truth. (`--json` is accepted; the output is JSON either way.)
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { cells: 'value', json: 'switch' });
  const report = await checkSyntheticCells(integerOption(args, 'cells', 100));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}

runCli(main);
