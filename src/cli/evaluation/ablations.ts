import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { loadModel } from '../../model/load-model';
import type { HomNetModel } from '../../model/homnet-model';
import type { ScoredExample } from '../../model/eval/metrics';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { ModelInput } from '../../model/train/single-chromosome';
import { inputOfTraining, singleChromosomeBag } from '../../model/train/single-chromosome';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import { createRandom } from '../../shared/random';
import { ABLATIONS, ABLATIONS_DIR } from '../common/ablation-plan';

/** An extra model evaluated beside the shipped one (a Table 4 ablation), labelled from its manifest. */
export interface AblationModel {
  readonly directory: string;
  readonly label: string;
  readonly model: HomNetModel;
  readonly input: ModelInput;
}

/** A planned or requested row that has no figures, and why. */
export interface NotRun {
  readonly label: string;
  readonly reason: string;
}

const shown = (directory: string): string => relative(process.cwd(), directory) || '.';

/** Where an unfinished run stands, from its checkpoint (null when there is none). */
async function checkpointStep(directory: string): Promise<{ step: number; steps: number } | null> {
  try {
    const state = JSON.parse(await readFile(join(directory, 'checkpoint', 'state.json'), 'utf8')) as {
      trainer?: { step?: unknown };
      config?: { steps?: unknown };
    };
    return { step: Number(state.trainer?.step), steps: Number(state.config?.steps) };
  } catch {
    return null;
  }
}

async function whyMissing(directory: string): Promise<string> {
  const progress = await checkpointStep(directory);
  if (progress)
    return `training not finished: checkpoint at step ${progress.step} of ${progress.steps} in \`${shown(directory)}\` (\`npm run train:ablations\` resumes it)`;
  return `no trained model in \`${shown(directory)}\` (\`npm run train:ablations\` trains it)`;
}

/** Why a planned variant that was not asked for has no row: trained but not given, or not trained. */
async function whyNotGiven(directory: string): Promise<string> {
  const trained = await readFile(join(directory, 'manifest.json'), 'utf8').then(
    () => true,
    () => false,
  );
  if (trained) return `trained in \`${shown(directory)}\` but not given with --ablation`;
  return `not given with --ablation; ${await whyMissing(directory)}`;
}

/**
 * Loads each --ablation folder; one that cannot be loaded becomes a "not run" entry naming the folder
 * and the problem, and the rest still run. Planned variants (ABLATIONS) that were not given, or not
 * loaded, are listed as not run too, so that a missing row is never silently absent or filled in.
 */
export async function loadAblations(
  directories: readonly string[],
  splitSeed: number,
  ablationsDir: string = ABLATIONS_DIR,
): Promise<{ models: AblationModel[]; notRun: NotRun[] }> {
  const models: AblationModel[] = [];
  const notRun: NotRun[] = [];
  const failedFolders = new Set<string>();
  for (const given of directories) {
    const directory = resolve(given);
    try {
      const artifacts = await readArtifactsFromDirectory(directory);
      const model = await loadModel({ weights: artifacts, backend: 'wasm' });
      const training = model.info.training;
      const seed = Number(training?.seed ?? splitSeed);
      if (seed !== splitSeed) {
        model.dispose();
        // Another split would put the model's own training cases into the evaluation sets.
        throw new Error(`trained with split seed ${seed}, the evaluation sets use seed ${splitSeed}`);
      }
      const variant = typeof training?.variant === 'string' ? training.variant : model.id;
      const label = models.some((m) => m.label === variant) ? `${variant} (${model.id})` : variant;
      models.push({ directory, label, model, input: inputOfTraining(training) });
    } catch (error) {
      failedFolders.add(directory);
      const planned = ABLATIONS.find((a) => resolve(ablationsDir, a.folder) === directory);
      const missing = (error as Error).message.includes('no model manifest');
      notRun.push({
        label: planned?.variant ?? shown(directory),
        // The manifest path in the message already names an unplanned folder (the row label).
        reason: missing
          ? await whyMissing(directory)
          : planned
            ? `\`${shown(directory)}\`: ${(error as Error).message}`
            : (error as Error).message,
      });
    }
  }
  for (const planned of ABLATIONS) {
    const directory = resolve(ablationsDir, planned.folder);
    if (models.some((m) => m.label === planned.variant) || failedFolders.has(directory)) continue;
    const given = models.some((m) => m.directory === directory);
    notRun.push({
      label: planned.variant,
      reason: given
        ? `\`${shown(directory)}\` holds a model labelled otherwise`
        : await whyNotGiven(directory),
    });
  }
  return { models, notRun };
}

/**
 * Scores one evaluation set with an ablation model, fed the way it was trained: a single-chromosome
 * model sees one homolog per cell as both homologs, the same homolog for every such model (seeded by
 * the set), so that two single-chromosome models are compared on identical inputs.
 */
export async function ablationScores(
  ablation: AblationModel,
  bags: readonly SampledBag[],
  setIndex: number,
): Promise<ScoredExample[]> {
  const random = createRandom(20240826 + setIndex);
  const inputs = bags.map((b) =>
    ablation.input === 'single-chromosome' ? singleChromosomeBag(b.bag, random) : b.bag,
  );
  const predictions = await ablation.model.predict(inputs, { details: false });
  return predictions.map((p, i) => ({ score: p.probability, abnormal: bags[i]?.label === 1 }));
}

/** The "not run" list: every planned row without figures, with the reason. */
export function notRunSection(notRun: readonly NotRun[]): string[] {
  if (notRun.length === 0) return [];
  return [
    '## Not run',
    '',
    ...notRun.map((n) => `- **${n.label}**: ${n.reason}.`),
    '',
    `The Table 4 ablations as last measured, with the earlier pki3 model and ablation models trained for them: [ablations.md](ablations.md).`,
    '',
  ];
}
