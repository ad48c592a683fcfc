import { mkdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ABLATIONS_DIR } from './common/ablation-plan';
import {
  UsageError,
  hasSwitch,
  integerOption,
  parseArgs,
  runCli,
  stringListOption,
  stringOption,
} from './common/args';
import { shippedModelDirectory } from './common/shipped-model';
import { evaluateModel } from './evaluation/evaluate-model';
import { renderEvaluation, renderRocPlot } from './evaluation/render-evaluation';

/** Where the karyograms of other labs are, beside this repository. */
const DEFAULT_KARYOGRAMS = '../shared/data/karyograms';

const USAGE = `usage: npm run evaluate -- --data <dir>[,<dir>…] --model <model dir> [--bags N] [--out <file.md>]
       [--ablation <model dir>]… [--pooled-bags N] [--karyograms <dir>|none]
  --data: the labs, as \`train\` takes them; the first (a crop bundle) is the one the sections before "By lab and
  by cells" are about, and every lab gets its figures there.
  --pooled-bags: bags per cell count in "What more cells buy" (default 1000: a trend across four counts
  needs less draw noise than one set does).
  --karyograms: karyograms of other labs surveyed as \`npm run -s karyograms\` does, for the page's last
  section (default ${DEFAULT_KARYOGRAMS} when it exists; none leaves the section out).
  --ablation (repeatable): another trained model (e.g. ${ABLATIONS_DIR}/<variant>) scored on the same sets,
  labelled by its manifest's training.variant; single-chromosome models get single-chromosome input.`;

/** The --karyograms folder (checked), the default one when it exists, or null ("none", or no default). */
async function karyogramFolder(given: string | undefined): Promise<string | null> {
  if (given === 'none') return null;
  const folder = given ?? DEFAULT_KARYOGRAMS;
  const found = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (found) return folder;
  if (given !== undefined) throw new UsageError(`--karyograms: ${given} is not a folder`);
  return null;
}

/**
 * Prints the evaluation page; writes it and its ROC plot to --out, or to docs/evaluation.md when the model
 * evaluated is the shipped one (that page describes the shipped model: a candidate must not overwrite it).
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    data: 'value',
    model: 'value',
    bags: 'value',
    'pooled-bags': 'value',
    out: 'value',
    seed: 'value',
    ablation: 'value',
    karyograms: 'value',
  });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const modelDir = stringOption(args, 'model');
  if (!data || !modelDir) throw new UsageError(`--data and --model are required\n${USAGE}`);
  const given = stringOption(args, 'out');
  const shipped = await shippedModelDirectory().catch(() => null);
  const out =
    given !== undefined
      ? resolve(given)
      : shipped !== null && resolve(shipped) === resolve(modelDir)
        ? resolve('docs/evaluation.md')
        : null;
  const figures = await evaluateModel({
    dataDirs: data.split(','),
    modelDir,
    bagsPerSet: integerOption(args, 'bags', 400),
    pooledBags: integerOption(args, 'pooled-bags', 1000),
    // Without --seed, the split the model was trained with (its manifest's seed).
    seed: stringOption(args, 'seed') === undefined ? undefined : integerOption(args, 'seed', 1),
    ablationDirs: stringListOption(args, 'ablation'),
    karyogramDir: await karyogramFolder(stringOption(args, 'karyograms')),
    progress: (line) => process.stderr.write(line),
  });
  const rocPath = (out ?? 'evaluation.md').replace(/\.md$/, '-roc.svg');
  const report = renderEvaluation(figures, basename(rocPath));
  if (out !== null) {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(rocPath, renderRocPlot(figures));
    await writeFile(out, report);
  } else
    process.stderr.write(
      'not the shipped model: docs/evaluation.md left as it is (give --out <file.md> to write this page)\n',
    );
  process.stdout.write(report);
  return 0;
}

runCli(main);
