import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { useBackend } from '../model/backend';
import { classifyChromosomes } from '../model/type-classifier/classify-chromosomes';
import { decodeClassifier, encodeClassifier } from '../model/type-classifier/classifier-file';
import {
  classifierParameters,
  parameterCount,
  type ClassifierWeights,
} from '../model/type-classifier/classifier-network';
import {
  DEFAULT_CLASSIFIER_TRAINING,
  trainClassifier,
  type ClassifierExample,
} from '../model/type-classifier/train-classifier';
import { splitByCase } from '../model/train/dataset';
import { createRandom } from '../shared/random';
import { UsageError, hasSwitch, integerOption, parseArgs, runCli, stringOption } from './common/args';
import { createProgressBar } from './common/progress';
import { loadLabelledCells, type LabelledCell } from './classifier/classifier-cells';
import { classifierFigures, type ScoredCell } from './classifier/classifier-figures';
import { renderClassifierReport } from './classifier/classifier-report';
import { SHIPPED_CLASSIFIER_DIR, writeClassifierDirectory } from './classifier/classifier-folder';

const USAGE = `usage: npm run train:classifier -- [--data <metaphase dir>] [--out <dir>] [--seed N] [--split-seed N]
       [--epochs N] [--minutes N] [--ship]
  Trains the chromosome type classifier (1–22, X, Y) on the annotated metaphases' boxes of the training
  patients (split by patient, the split \`train\` makes with the same seed: its validation patients are
  never seen) and reports, on the validation patients, the accuracy of the classifier's first choice and
  after each cell's assignment, and the cells whose copies per type come out as annotated. Writes the
  model and \`report.md\` to --out; --ship also copies the model to public/models/type-classifier/.
  Defaults: ../shared/data/tseng, .checkpoints/type-classifier, seed 1, ${DEFAULT_CLASSIFIER_TRAINING.epochs} epochs, 60 minutes.`;

/** The validation share of patients, as `train` holds out. */
const VALIDATION_FRACTION = 0.2;

function examplesOf(cells: readonly LabelledCell[]): ClassifierExample[] {
  return cells.flatMap((cell) => cell.chromosomes.map((c) => ({ features: c.features, type: c.type })));
}

async function scoreCells(weights: ClassifierWeights, cells: readonly LabelledCell[]): Promise<ScoredCell[]> {
  const scored: ScoredCell[] = [];
  for (const cell of cells)
    scored.push({
      types: cell.chromosomes.map((c) => c.type),
      doubtful: cell.chromosomes.map((c) => c.doubtful),
      probabilities: await classifyChromosomes(
        weights,
        cell.chromosomes.map((c) => c.features),
      ),
    });
  return scored;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    data: 'value',
    out: 'value',
    seed: 'value',
    'split-seed': 'value',
    epochs: 'value',
    minutes: 'value',
    ship: 'switch',
  });
  if (hasSwitch(args, 'help')) throw new UsageError(USAGE);
  const dataDir = resolve(stringOption(args, 'data') ?? '../shared/data/tseng');
  const outDir = resolve(stringOption(args, 'out') ?? '.checkpoints/type-classifier');
  const seed = integerOption(args, 'seed', 1);
  const splitSeed = integerOption(args, 'split-seed', seed);
  const epochs = integerOption(args, 'epochs', DEFAULT_CLASSIFIER_TRAINING.epochs);
  const minutes = integerOption(args, 'minutes', 60);
  const started = Date.now();
  await useBackend('wasm');

  const bar = createProgressBar('imaging metaphases', 0);
  const { cells, errors } = await loadLabelledCells(dataDir, resolve('.checkpoints/cache'), (done, total) => {
    bar.update(done, undefined, total);
  });
  bar.end();
  for (const error of errors) process.stderr.write(`error: ${error}\n`);
  const patients = [...new Set(cells.map((c) => c.patient))].map((id) => ({ id }));
  const split = splitByCase(patients, VALIDATION_FRACTION, createRandom(splitSeed));
  const held = new Set(split.validation.map((p) => p.id));
  const training = cells.filter((c) => !held.has(c.patient));
  const validation = cells.filter((c) => held.has(c.patient));
  const examples = examplesOf(training);
  process.stdout.write(
    `${split.training.length} training patients (${training.length} cells, ${examples.length} chromosomes), ` +
      `${split.validation.length} validation patients (${validation.length} cells); ` +
      `${parameterCount(classifierParameters())} weights\n`,
  );

  const options = { ...DEFAULT_CLASSIFIER_TRAINING, epochs };
  let epochsRun = 0;
  const weights = await trainClassifier(examples, createRandom(seed), options, async (report, current) => {
    epochsRun = report.epoch;
    // Shown, never used to choose an epoch: the run's length is fixed beforehand.
    const seen =
      report.epoch % 5 === 0
        ? `, validation first choice ${(100 * classifierFigures(await scoreCells(current, validation)).firstChoiceAccuracy).toFixed(1)} %`
        : '';
    const elapsed = (Date.now() - started) / 60_000;
    process.stdout.write(
      `epoch ${report.epoch}/${report.epochs}: loss ${report.meanLoss.toFixed(4)}${seen}, ${elapsed.toFixed(1)} min\n`,
    );
    if (elapsed < minutes) return true;
    process.stdout.write(`stopped: the ${minutes}-minute budget is spent\n`);
    return false;
  });
  const trainingMinutes = (Date.now() - started) / 60_000;

  const figures = classifierFigures(await scoreCells(weights, validation));
  const trainingFigures = classifierFigures(await scoreCells(weights, training.slice(0, 200)));
  const record = {
    data: dataDir,
    seed,
    splitSeed,
    validationFraction: VALIDATION_FRACTION,
    trainingPatients: split.training.length,
    validationPatients: split.validation.length,
    trainingChromosomes: examples.length,
    epochs: epochsRun,
    options,
    minutes: Number(trainingMinutes.toFixed(1)),
    validation: {
      cells: figures.cells,
      chromosomes: figures.chromosomes,
      firstChoiceAccuracy: figures.firstChoiceAccuracy,
      assignedAccuracy: figures.assignedAccuracy,
      exactCountCells: figures.exactCountCells,
    },
  };
  const { manifest, weightData } = await encodeClassifier(await weights.read(), record);
  weights.dispose();
  // Read back through the loader the app uses, so that a model that cannot be loaded is never written.
  await decodeClassifier(JSON.parse(JSON.stringify(manifest)), weightData, manifest.id);
  await mkdir(outDir, { recursive: true });
  await writeClassifierDirectory(outDir, manifest, weightData);
  const report = renderClassifierReport({ manifest, figures, trainingFigures, trainingMinutes });
  await writeFile(join(outDir, 'report.md'), report);
  process.stdout.write(report);
  if (hasSwitch(args, 'ship')) {
    await writeClassifierDirectory(SHIPPED_CLASSIFIER_DIR, manifest, weightData);
    process.stdout.write(`shipped ${manifest.id} to ${SHIPPED_CLASSIFIER_DIR}\n`);
  }
  return 0;
}

runCli(main);
