import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LabStyle } from '../karyotype/lab-style';
import { LAB_STYLES, restyleCrop } from '../karyotype/lab-style';
import type { HomNetModel } from '../model';
import { loadModel } from '../model';
import { AdamW } from '../model/train/adamw';
import { DEFAULT_SAMPLER } from '../model/train/bag-sampler';
import type { DatasetCase } from '../model/train/dataset';
import { splitByCase } from '../model/train/dataset';
import { enableTraining } from '../model/train/enable-training';
import { fineTune } from '../model/train/finetune';
import { FINE_TUNE_RECIPE } from '../model/train/finetune-recipe';
import { labBags } from '../model/train/lab-bags';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { createRandom } from '../shared/random';
import { UsageError, integerOption, parseArgs, runCli, stringOption } from './args';
import { listCases, loadCropDataset, readCropImages } from './crop-dataset';
import { formatFigures, labFigures } from './lab-evaluation';
import { createProgressBar } from './progress';
import { shippedModelDirectory } from './shipped-model';
import { writeGrayPng } from './synth-png';

/** Writes the pki3-like crops again as "another lab" would deliver them (once; kept in .checkpoints). */
async function buildOtherLab(source: string, target: string, style: LabStyle): Promise<void> {
  if (existsSync(join(target, '.complete'))) return;
  const random = createRandom(4242);
  const cases = await listCases(source);
  const bar = createProgressBar('restyling', cases.length);
  for (const [i, c] of cases.entries()) {
    for (const cell of c.cells) {
      for (const crop of await readCropImages(join(source, c.id, cell), [])) {
        const name = `${crop.type}_${crop.homolog}.png`;
        writeGrayPng(join(target, c.id, cell, name), restyleCrop(crop.image, style, random));
      }
    }
    bar.update(i + 1);
  }
  bar.end();
  await writeFile(join(target, '.complete'), `${JSON.stringify(style)}\n`);
}

/** The same cases (by id) from another copy of the data set. */
const sameCases = (from: readonly DatasetCase[], ids: readonly DatasetCase[]): DatasetCase[] => {
  const wanted = new Set(ids.map((c) => c.id));
  return from.filter((c) => wanted.has(c.id));
};

/**
 * `npm run other-lab -- --data ../shared/data/pki3 [--lab other-lab|low-resolution] [--seed N] [--control]`:
 * the per-lab fine-tuning experiment. The shipped model is scored on held-back cases as they are and as
 * another lab would image them (opposite polarity, other contrast, blur, scale, rotated crops); then
 * fine-tuned on 20 % of the other lab's cases and scored again on the other 80 %. `--control` also fine-tunes a copy on the same 20 % as imaged here and
 * scores it on the other 80 % as imaged here: what fine-tuning gains without a change of lab.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), [
    'data=',
    'model=',
    'steps=',
    'lr=',
    'seed=',
    'eval-bags=',
    'lab=',
    'control',
  ]);
  const data = resolve(stringOption(args, 'data') ?? '../shared/data/pki3');
  const seed = integerOption(args, 'seed', 3);
  // The app's and `npm run finetune`'s recipe unless told otherwise.
  const lr = Number(stringOption(args, 'lr') ?? String(FINE_TUNE_RECIPE.learningRate));
  const labName = stringOption(args, 'lab') ?? 'other-lab';
  const style = LAB_STYLES[labName];
  if (!style) throw new UsageError(`--lab ${labName}: one of ${Object.keys(LAB_STYLES).join(', ')}`);
  const otherDir = resolve(`.checkpoints/${labName}`);
  await buildOtherLab(data, otherDir, style);
  const cache = resolve('.checkpoints/cache');
  const original = (await loadCropDataset(data, cache)).cases;
  const other = (await loadCropDataset(otherDir, cache)).cases;
  const { validation: tuning, training: heldBack } = splitByCase(other, 0.2, createRandom(seed));
  // AUC on 800 bags moves by ±0.02 with the draw; 2,000 keep the before/after difference readable.
  const evalBags = integerOption(args, 'eval-bags', 2000);
  const evalOn = (cases: readonly DatasetCase[]) =>
    labBags(cases, {}, evalBags, createRandom(seed + 1), DEFAULT_SAMPLER);
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const artifacts = await readArtifactsFromDirectory(modelDir);
  const steps = integerOption(args, 'steps', FINE_TUNE_RECIPE.steps);
  await enableTraining();

  /** A fresh copy of the model fine-tuned with the recipe on `cases` (the tuning 20 %, in one lab's look). */
  const tunedOn = async (cases: readonly DatasetCase[], label: string): Promise<HomNetModel> => {
    const model = await loadModel({ weights: artifacts, backend: 'wasm' });
    const optimizer = new AdamW({ learningRate: lr, weightDecay: 0 });
    const bar = createProgressBar(label, steps);
    try {
      const state = await fineTune({
        model,
        optimizer,
        training: cases,
        labels: {},
        validation: labBags(
          cases,
          {},
          FINE_TUNE_RECIPE.earlyStoppingBags,
          createRandom(seed + 2),
          DEFAULT_SAMPLER,
        ),
        steps,
        seed,
        onProgress: (p) => {
          bar.update(p.step, `loss ${p.loss.toFixed(4)}`);
        },
      });
      bar.end();
      const looks = state.history.map((r) => `${r.step}: ${r.auc.toFixed(3)}`).join(', ');
      process.stderr.write(`${label}: early-stopping AUC by step ${looks}; kept step ${state.bestStep}\n`);
    } catch (error) {
      model.dispose();
      throw error;
    } finally {
      optimizer.dispose();
    }
    return model;
  };

  const shipped = await loadModel({ weights: artifacts, backend: 'wasm' });
  const ourBags = evalOn(sameCases(original, heldBack));
  const onOriginal = await labFigures(shipped, ourBags);
  const otherBags = evalOn(heldBack);
  const before = await labFigures(shipped, otherBags);
  shipped.dispose();
  const tuned = await tunedOn(tuning, 'fine-tuning');
  const after = await labFigures(tuned, otherBags);
  tuned.dispose();
  const loss = onOriginal.auc - before.auc;
  const recovered = after.auc - before.auc;
  const lines = [
    `lab ${labName} ${JSON.stringify(style)}\ncases: ${tuning.length} of the other lab to fine-tune on, ${heldBack.length} held back; lr ${lr}, ${steps} steps at most`,
    formatFigures('shipped model, held-back cases as imaged here', onOriginal),
    formatFigures('shipped model, same cases from the other lab', before),
    formatFigures('fine-tuned on the other lab, same cases', after),
    `AUC lost ${loss.toFixed(4)}, recovered ${recovered.toFixed(4)} (${loss > 0 ? ((100 * recovered) / loss).toFixed(1) : 'n/a'} % of the loss)`,
  ];
  if (args.options.has('control')) {
    // What the same fine-tuning gains without any change of lab: the part of "recovered" that is just
    // more training on more cases rather than adapting to the other lab.
    const control = await tunedOn(sameCases(original, tuning), 'control (our look)');
    const ours = await labFigures(control, ourBags);
    control.dispose();
    lines.push(
      formatFigures('control: fine-tuned on the same cases as imaged here, scored as imaged here', ours),
      `control gain ${(ours.auc - onOriginal.auc).toFixed(4)} (fine-tuning without a change of lab)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

runCli(main);
