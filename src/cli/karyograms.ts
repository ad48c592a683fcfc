import { resolve } from 'node:path';
import { loadModel } from '../model/load-model';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { UsageError, hasSwitch, parseArgs, runCli, stringOption } from './common/args';
import { printable } from './common/printable';
import { shippedModelDirectory } from './common/shipped-model';
import { renderKaryogramSurvey, surveyKaryograms } from './evaluation/karyogram-survey';
import { SHARED_KARYOTYPES } from './evaluation/shared-karyotypes';

const USAGE = `usage: npm run -s karyograms -- [<folder>] [--expect <karyotype>] [--model <dir>]
  Runs every karyogram image under <folder> (default ../shared/data/karyograms) as analyze does and prints,
  per karyogram, the copies per type against its known karyotype, the structural flags with their scores
  (flags on types the karyotype does not change are false alarms) and the chromosomes with a doubtful
  centre line; then the totals. --expect gives one karyotype for every image (else the known karyotypes
  of ../shared/data/karyograms, else a normal cell of the sex its X and Y show).`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), { help: 'switch', expect: 'value', model: 'value' });
  if (hasSwitch(args, 'help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [folder = '../shared/data/karyograms', ...extra] = args.positional;
  if (extra.length > 0) throw new UsageError(`give one folder\n${USAGE}`);
  const expect = stringOption(args, 'expect');
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const model = await loadModel({ weights: await readArtifactsFromDirectory(modelDir), backend: 'wasm' });
  const rows = await surveyKaryograms(
    model,
    resolve(folder),
    (file) => expect ?? SHARED_KARYOTYPES[file] ?? null,
    (done, total, file) => process.stderr.write(`${done}/${total} ${printable(file)}\n`),
  );
  process.stdout.write(renderKaryogramSurvey(rows, model.info.id, model.info.threshold));
  model.dispose();
  return 0;
}

runCli(main);
