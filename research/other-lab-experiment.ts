import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LabStyle } from '../src/karyotype/lab-style';
import { restyleCrop } from '../src/karyotype/lab-style';
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
import type { ModelArtifacts } from '../src/model/weights/manifest';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import { createRandom } from '../src/shared/random';
import { listCases, loadCropDataset, readCropImages } from '../src/cli/common/crop-dataset';
import { createProgressBar } from '../src/cli/common/progress';
import { writeGrayPng } from '../src/cli/common/synth-png';
import type { LabFigures } from '../src/cli/evaluation/lab-figures';
import { labFigures } from '../src/cli/evaluation/lab-figures';
import type { SplitRecovery } from './lab-recovery';

/** What the experiment runs (see other-lab.ts for the command line). */
export interface OtherLabOptions {
  /** The crop bundle as imaged here (pki3). */
  readonly data: string;
  /** LAB_STYLES key: the other lab's name, and its folder under .checkpoints/. */
  readonly labName: string;
  readonly style: LabStyle;
  readonly modelDir: string;
  /** Fine-tuning's learning rate. */
  readonly lr: number;
  /** Fine-tuning steps at most. */
  readonly steps: number;
  /** Bags per evaluation (half abnormal). */
  readonly evalBags: number;
  /** Also fine-tune on the same cases as imaged here (`--control`). */
  readonly control: boolean;
}

/** The datasets and the model, ready for the splits. */
export interface OtherLab {
  readonly options: OtherLabOptions;
  readonly original: readonly DatasetCase[];
  readonly other: readonly DatasetCase[];
  readonly artifacts: ModelArtifacts;
}

/** What one split of the experiment measured (AUC figures on the same held-back bags). */
export interface SplitResult {
  readonly seed: number;
  /** The other lab's cases fine-tuned on (20 %) and held back (the rest). */
  readonly tuningCases: number;
  readonly heldBackCases: number;
  readonly onOriginal: LabFigures;
  readonly before: LabFigures;
  readonly after: LabFigures;
  /** The control's figures as imaged here, with `--control`. */
  readonly control: LabFigures | null;
}

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

/** Builds the other lab's copy of the data (once), profiles both copies and reads the model. */
export async function prepareOtherLab(options: OtherLabOptions): Promise<OtherLab> {
  const otherDir = resolve(`.checkpoints/${options.labName}`);
  await buildOtherLab(options.data, otherDir, options.style);
  const cache = resolve('.checkpoints/cache');
  const original = (await loadCropDataset(options.data, cache)).cases;
  const other = (await loadCropDataset(otherDir, cache)).cases;
  const artifacts = await readArtifactsFromDirectory(options.modelDir);
  await enableTraining();
  return { options, original, other, artifacts };
}

/** The same cases (by id) from another copy of the data set. */
const sameCases = (from: readonly DatasetCase[], ids: readonly DatasetCase[]): DatasetCase[] => {
  const wanted = new Set(ids.map((c) => c.id));
  return from.filter((c) => wanted.has(c.id));
};

/** A fresh copy of the model fine-tuned with the recipe on `cases` (the tuning 20 %, in one lab's look). */
async function tunedOn(
  { artifacts, options }: OtherLab,
  cases: readonly DatasetCase[],
  seed: number,
  label: string,
): Promise<HomNetModel> {
  const model = await loadModel({ weights: artifacts, backend: 'wasm' });
  const optimizer = new AdamW({ learningRate: options.lr, weightDecay: 0 });
  const bar = createProgressBar(label, options.steps);
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
      steps: options.steps,
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
}

/**
 * One split (seeded by `seed`): the shipped model on held-back cases as imaged here and as the other lab
 * images them, then fine-tuned on the other lab's tuning 20 % and scored on the same bags again; with
 * the control, a copy fine-tuned on the same cases as imaged here.
 */
export async function runSplit(lab: OtherLab, seed: number): Promise<SplitResult> {
  const { original, other, artifacts, options } = lab;
  const { validation: tuning, training: heldBack } = splitByCase(other, 0.2, createRandom(seed));
  // The same draw on both copies of the cases: the same bags, ours and the other lab's pictures of them.
  const evalOn = (cases: readonly DatasetCase[]) =>
    labBags(cases, {}, options.evalBags, createRandom(seed + 1), DEFAULT_SAMPLER);
  const shipped = await loadModel({ weights: artifacts, backend: 'wasm' });
  const ourBags = evalOn(sameCases(original, heldBack));
  const onOriginal = await labFigures(shipped, ourBags);
  const otherBags = evalOn(heldBack);
  const before = await labFigures(shipped, otherBags);
  shipped.dispose();
  const tuned = await tunedOn(lab, tuning, seed, `split ${seed}: fine-tuning`);
  const after = await labFigures(tuned, otherBags);
  tuned.dispose();
  let control: LabFigures | null = null;
  if (options.control) {
    // What the same fine-tuning gains without any change of lab: the part of "recovered" that is just
    // more training on more cases rather than adapting to the other lab.
    const controlModel = await tunedOn(
      lab,
      sameCases(original, tuning),
      seed,
      `split ${seed}: control (our look)`,
    );
    control = await labFigures(controlModel, ourBags);
    controlModel.dispose();
  }
  return {
    seed,
    tuningCases: tuning.length,
    heldBackCases: heldBack.length,
    onOriginal,
    before,
    after,
    control,
  };
}

/** The loss, recovery and control gain of one split (AUC differences). */
export function recoveryOf(result: SplitResult): SplitRecovery {
  return {
    seed: result.seed,
    loss: result.onOriginal.auc - result.before.auc,
    recovered: result.after.auc - result.before.auc,
    controlGain: result.control ? result.control.auc - result.onOriginal.auc : null,
  };
}
