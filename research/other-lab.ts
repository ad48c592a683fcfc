import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LabStyle } from '../src/karyotype/lab-style';
import { LAB_STYLES, restyleCrop } from '../src/karyotype/lab-style';
import type { HomNetModel } from '../src/model/homnet-model';
import { loadModel } from '../src/model/load-model';
import { AdamW } from '../src/model/train/adamw';
import { DEFAULT_SAMPLER } from '../src/model/train/bag-sampler';
import type { DatasetCase } from '../src/model/train/dataset';
import { splitByCase } from '../src/model/train/dataset';
import { enableTraining } from '../src/model/train/enable-training';
import { fineTune } from '../src/model/train/finetune';
import { FINE_TUNE_RECIPE } from '../src/model/train/finetune-recipe';
import { labBags } from '../src/model/train/lab-bags';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import { createRandom } from '../src/shared/random';
import { UsageError, integerOption, parseArgs, runCli, stringOption } from '../src/cli/common/args';
import { listCases, loadCropDataset, readCropImages } from '../src/cli/common/crop-dataset';
import type { LabFigures } from '../src/cli/evaluation/lab-figures';
import { formatFigures, labFigures } from '../src/cli/evaluation/lab-figures';
import type { SplitRecovery } from './lab-recovery';
import { formatRecovery, formatSplitSummary } from './lab-recovery';
import { createProgressBar } from '../src/cli/common/progress';
import { shippedModelDirectory } from '../src/cli/common/shipped-model';
import { writeGrayPng } from '../src/cli/common/synth-png';

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

/** What one split of the experiment measured (AUC figures on the same held-back bags). */
interface SplitResult {
  readonly seed: number;
  readonly onOriginal: LabFigures;
  readonly before: LabFigures;
  readonly after: LabFigures;
  /** The control's figures as imaged here, with `--control`. */
  readonly control: LabFigures | null;
}

/**
 * `npm run other-lab -- --data ../shared/data/pki3 [--lab other-lab|low-resolution] [--seed N] [--splits K]
 * [--control]`: the per-lab fine-tuning experiment. The shipped model is scored on held-back cases as they
 * are and as another lab would image them (opposite polarity, other contrast, blur, scale, rotated crops);
 * then fine-tuned on 20 % of the other lab's cases and scored again on the other 80 %. `--splits K` repeats
 * this for the splits of seeds N … N+K−1 and reports their mean, since one split's figures move as much as
 * the effect. `--control` also fine-tunes a copy on the same 20 % as imaged here and scores it on the other
 * 80 % as imaged here: what fine-tuning gains without a change of lab.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), [
    'data=',
    'model=',
    'steps=',
    'lr=',
    'seed=',
    'splits=',
    'eval-bags=',
    'lab=',
    'control',
  ]);
  const data = resolve(stringOption(args, 'data') ?? '../shared/data/pki3');
  const firstSeed = integerOption(args, 'seed', 3);
  const splits = integerOption(args, 'splits', 1);
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
  // Scoring is cheap next to fine-tuning: 4,000 bags keep the AUC's draw (about ±0.007) below the effects.
  const evalBags = integerOption(args, 'eval-bags', 4000);
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const artifacts = await readArtifactsFromDirectory(modelDir);
  const steps = integerOption(args, 'steps', FINE_TUNE_RECIPE.steps);
  await enableTraining();

  /** A fresh copy of the model fine-tuned with the recipe on `cases` (the tuning 20 %, in one lab's look). */
  const tunedOn = async (
    cases: readonly DatasetCase[],
    seed: number,
    label: string,
  ): Promise<HomNetModel> => {
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

  const runSplit = async (seed: number): Promise<SplitResult> => {
    const { validation: tuning, training: heldBack } = splitByCase(other, 0.2, createRandom(seed));
    // The same draw on both copies of the cases: the same bags, ours and the other lab's pictures of them.
    const evalOn = (cases: readonly DatasetCase[]) =>
      labBags(cases, {}, evalBags, createRandom(seed + 1), DEFAULT_SAMPLER);
    const shipped = await loadModel({ weights: artifacts, backend: 'wasm' });
    const ourBags = evalOn(sameCases(original, heldBack));
    const onOriginal = await labFigures(shipped, ourBags);
    const otherBags = evalOn(heldBack);
    const before = await labFigures(shipped, otherBags);
    shipped.dispose();
    const tuned = await tunedOn(tuning, seed, `split ${seed}: fine-tuning`);
    const after = await labFigures(tuned, otherBags);
    tuned.dispose();
    const lines = [
      `split ${seed}: ${tuning.length} cases of the other lab to fine-tune on, ${heldBack.length} held back`,
      formatFigures('  shipped model, held-back cases as imaged here', onOriginal),
      formatFigures('  shipped model, same cases from the other lab', before),
      formatFigures('  fine-tuned on the other lab, same cases', after),
    ];
    let control: LabFigures | null = null;
    if (args.options.has('control')) {
      // What the same fine-tuning gains without any change of lab: the part of "recovered" that is just
      // more training on more cases rather than adapting to the other lab.
      const controlModel = await tunedOn(
        sameCases(original, tuning),
        seed,
        `split ${seed}: control (our look)`,
      );
      control = await labFigures(controlModel, ourBags);
      controlModel.dispose();
      lines.push(formatFigures('  control: fine-tuned on the same cases as imaged here', control));
    }
    const result = { seed, onOriginal, before, after, control };
    lines.push(`  ${formatRecovery(recoveryOf(result))}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return result;
  };

  process.stdout.write(
    `lab ${labName} ${JSON.stringify(style)}\nlr ${lr}, ${steps} steps at most, ${evalBags} bags per evaluation\n`,
  );
  const results: SplitResult[] = [];
  for (let seed = firstSeed; seed < firstSeed + splits; seed++) results.push(await runSplit(seed));
  if (results.length > 1) process.stdout.write(`${formatSplitSummary(results.map(recoveryOf))}\n`);
  return 0;
}

/** The loss, recovery and control gain of one split. */
function recoveryOf(result: SplitResult): SplitRecovery {
  return {
    seed: result.seed,
    loss: result.onOriginal.auc - result.before.auc,
    recovered: result.after.auc - result.before.auc,
    controlGain: result.control ? result.control.auc - result.onOriginal.auc : null,
  };
}

runCli(main);
