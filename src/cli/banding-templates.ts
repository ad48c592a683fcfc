import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { splitByCase } from '../model/train/dataset';
import { createRandom } from '../shared/random';
import { parseArgs, runCli, stringOption } from './common/args';
import { loadCropDataset } from './common/crop-dataset';
import { bandingTemplateMeans, renderBandingTemplatesModule } from './training/banding-template-means';

const OUTPUT = 'src/imaging/profile/banding-templates-data.ts';

/**
 * `npx tsx src/cli/banding-templates.ts --data ../shared/data/pki3`: regenerates the per-type banding
 * templates that orient chromosomes lying flat in their crops. Only the training cases of the default
 * model's split (seed 1) are used, so that evaluation on the validation cases stays fair.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { data: 'value' });
  const data = resolve(stringOption(args, 'data') ?? '../shared/data/pki3');
  const { cases } = await loadCropDataset(data, resolve('.checkpoints/cache'));
  const { training } = splitByCase(cases, 0.2, createRandom(1));
  const means = bandingTemplateMeans(training);
  await writeFile(OUTPUT, renderBandingTemplatesModule(means));
  process.stderr.write(
    `wrote ${OUTPUT}: ${means.types.length} types from ${means.chromosomes} chromosomes\n`,
  );
  return 0;
}

runCli(main);
