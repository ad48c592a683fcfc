import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { loadModel } from '../model/load-model';
import type { HomNetModel } from '../model/homnet-model';
import type { ScoredExample } from '../model/eval/metrics';
import { bagFeatures } from '../model/eval/hand-features';
import { chromosomeSamples } from '../model/profile-tracks';
import { fitLogistic, predictLogistic } from '../model/eval/logistic-regression';
import type { SampledBag } from '../model/train/bag-sampler';
import { DEFAULT_SAMPLER, sampleBag } from '../model/train/bag-sampler';
import { splitByCase } from '../model/train/dataset';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { createRandom } from '../shared/random';
import { ABLATIONS_DIR } from './common/ablation-plan';
import { UsageError, integerOption, parseArgs, runCli, stringListOption, stringOption } from './common/args';
import { loadLabs, readLabCrops, splitLabs } from './common/training-labs';
import { cellCountSection, pooledSets } from './evaluation/cell-counts';
import {
  ablationScores,
  budgetSection,
  changesOf,
  loadAblations,
  notRunSection,
} from './evaluation/ablations';
import type { MethodFigures, ScoredSet } from './evaluation/report';
import { figuresOf, lengthGroupSection, resultsTable, rocPoints, rocSvg } from './evaluation/report';
import type { ChangeSize } from './evaluation/image-level-sets';
import { imageLevelBag } from './evaluation/image-level-sets';
import { flaggedTypesPerCase, summariseFalseFlags } from './evaluation/real-case-flags';
import { labReport, renderLabReports, type LabReport } from './evaluation/by-lab';
import { realValidationScores } from './evaluation/real-case-threshold';

const USAGE = `usage: npm run evaluate -- --data <dir>[,<dir>…] --model <model dir> [--bags N] [--out docs/evaluation.md]
       [--ablation <model dir>]… [--pooled-bags N]
  --data: the labs, as \`train\` takes them; the first (a crop bundle) is the one the sections before "By lab and
  by cells" are about, and every lab gets its figures there.
  --pooled-bags: bags per cell count in "What more cells buy" (default 1000: a trend across four counts
  needs less draw noise than one set does).
  --ablation (repeatable): another trained model (e.g. ${ABLATIONS_DIR}/<variant>) scored on the same sets,
  labelled by its manifest's training.variant; single-chromosome models get single-chromosome input.`;

function featuresOf(bag: SampledBag): number[] {
  return bagFeatures(
    bag.bag.pairs.map((p) => [
      { profile: p.homologs[0], samples: chromosomeSamples(p.homologs[0]) },
      { profile: p.homologs[1], samples: chromosomeSamples(p.homologs[1]) },
    ]),
  );
}

async function homnetScores(
  model: HomNetModel,
  bags: readonly SampledBag[],
  firstPairOnly = false,
): Promise<ScoredExample[]> {
  const inputs = bags.map((b) => (firstPairOnly ? { ...b.bag, pairs: b.bag.pairs.slice(0, 1) } : b.bag));
  const predictions = await model.predict(inputs, { details: false });
  return predictions.map((p, i) => ({ score: p.probability, abnormal: bags[i]?.label === 1 }));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), [
    'help',
    'data=',
    'model=',
    'bags=',
    'pooled-bags=',
    'out=',
    'seed=',
    'ablation=',
  ]);
  if (args.options.has('help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data');
  const modelDir = stringOption(args, 'model');
  if (!data || !modelDir) throw new UsageError(`--data and --model are required\n${USAGE}`);
  const perSet = integerOption(args, 'bags', 400);
  const out = resolve(stringOption(args, 'out') ?? 'docs/evaluation.md');
  const model = await loadModel({ weights: await readArtifactsFromDirectory(modelDir), backend: 'wasm' });
  const threshold = model.info.threshold;
  const seed = integerOption(args, 'seed', Number(model.info.training?.seed ?? 1));
  const ablations = await loadAblations(stringListOption(args, 'ablation'), seed);
  for (const n of ablations.notRun) process.stderr.write(`not run: ${n.label}: ${n.reason}\n`);

  const { labs } = await loadLabs(data.split(','), resolve('.checkpoints/cache'));
  const [home] = labs;
  if (home === undefined) throw new UsageError('--data names no folder');
  const { training, validation } = splitByCase(home.cases, 0.2, createRandom(seed));
  process.stderr.write(`evaluating on ${validation.length} validation cases (split by case, seed ${seed})\n`);
  const crops = await readLabCrops([home], validation);

  const random = createRandom(20240825);
  const sets = new Map<string, SampledBag[]>();
  for (const size of ['standard', 'subtle'] as ChangeSize[]) {
    const bags: SampledBag[] = [];
    for (let i = 0; i < perSet; i++) bags.push(imageLevelBag(validation, crops, random, i % 2 === 1, size));
    sets.set(`image ${size}`, bags);
    const sampler = { ...DEFAULT_SAMPLER, differentTypeRate: 0, subtleRate: size === 'subtle' ? 1 : 0 };
    sets.set(
      `profile ${size}`,
      Array.from({ length: perSet }, () => sampleBag(validation, random, sampler)),
    );
    process.stderr.write(`built the ${size} sets\n`);
  }
  // Its own draws, so that the sets above stay the ones earlier evaluations used.
  const obliqueRandom = createRandom(20240826);
  for (const size of ['standard', 'subtle'] as ChangeSize[]) {
    sets.set(
      `oblique ${size}`,
      Array.from({ length: perSet }, (_, i) =>
        imageLevelBag(validation, crops, obliqueRandom, i % 2 === 1, size, 'oblique'),
      ),
    );
  }
  process.stderr.write('built the oblique sets\n');

  // LR baseline on the appendix A.3 features, fitted on training cases only.
  const lrRandom = createRandom(seed + 99);
  const lrTraining = Array.from({ length: 3000 }, () => sampleBag(training, lrRandom, DEFAULT_SAMPLER));
  const lr = fitLogistic(
    lrTraining.map(featuresOf),
    lrTraining.map((b) => b.label),
  );

  const names = [...sets.keys()];
  const rows: { method: string; figures: (MethodFigures | null)[] }[] = [
    { method: 'HomNet', figures: [] },
    { method: 'HomNet w/o Bag (one pair)', figures: [] },
    { method: 'LR (A.3 hand features)', figures: [] },
    ...ablations.models.map((a) => ({ method: a.label, figures: [] as (MethodFigures | null)[] })),
  ];
  const curves = [];
  const recall = new Map<string, { found: number; total: number }>();
  const imageSets: ScoredSet[] = [];
  for (const name of names) {
    const bags = sets.get(name) ?? [];
    const homnet = await homnetScores(model, bags);
    rows[0]?.figures.push(figuresOf(homnet, threshold));
    rows[1]?.figures.push(figuresOf(await homnetScores(model, bags, true), threshold));
    const lrScores = bags.map((b) => ({
      score: predictLogistic(lr, featuresOf(b)),
      abnormal: b.label === 1,
    }));
    rows[2]?.figures.push(figuresOf(lrScores, 0.5));
    for (const [i, ablation] of ablations.models.entries()) {
      const scores = await ablationScores(ablation, bags, names.indexOf(name));
      rows[3 + i]?.figures.push(figuresOf(scores, ablation.model.info.threshold));
    }
    if (name.startsWith('image')) {
      imageSets.push({ name, bags, scores: homnet });
      curves.push({
        label: `HomNet, ${name}`,
        colour: name.endsWith('subtle') ? '#d55e00' : '#0072b2',
        points: rocPoints(homnet),
      });
      curves.push({
        label: `LR, ${name}`,
        colour: name.endsWith('subtle') ? '#e69f00' : '#56b4e9',
        points: rocPoints(lrScores),
      });
      bags.forEach((b, i) => {
        if (b.label !== 1) return;
        const key = `${b.kind} (${name.replace('image ', '')})`;
        const entry = recall.get(key) ?? { found: 0, total: 0 };
        entry.total++;
        if ((homnet[i]?.score ?? 0) >= threshold) entry.found++;
        recall.set(key, entry);
      });
    }
  }
  const tableOf = (prefix: string): string => {
    const chosen = names.flatMap((n, i) => (n.startsWith(`${prefix} `) ? [i] : []));
    return resultsTable(
      chosen.map((i) => names[i] ?? ''),
      rows.map((r) => ({ method: r.method, figures: chosen.map((i) => r.figures[i] ?? null) })),
    );
  };
  // Bags of more cells than pki3's cases hold, each cell from another validation case; own draws again.
  const pooled = pooledSets(
    validation,
    crops,
    createRandom(20240827),
    integerOption(args, 'pooled-bags', 1000),
  );
  const pooledScores = [];
  for (const set of pooled) pooledScores.push(await homnetScores(model, set.bags));
  process.stderr.write('scored the pooled sets\n');
  // The validation cases themselves are real and normal: what the threshold costs a reviewer per case.
  const falseFlags = summariseFalseFlags(await flaggedTypesPerCase(model, crops));
  process.stderr.write(`false flags on ${falseFlags.cases} real cases: ${falseFlags.flags}\n`);
  // Every lab's own patients, bags of their own 1, 2, 3 and all cells, and their real cases' false flags.
  const realScores = await realValidationScores(model, labs, seed);
  const labReports: LabReport[] = [];
  for (const [i, lab] of labs.entries()) {
    const { validation: held } = splitLabs([lab], 0.2, seed);
    const labCrops = i === 0 ? crops : await readLabCrops([lab], held);
    labReports.push(
      await labReport(
        lab.lab,
        held,
        labCrops,
        realScores[i]?.scores ?? [],
        (bags) => homnetScores(model, bags),
        threshold,
        perSet,
      ),
    );
    process.stderr.write(`evaluated ${lab.lab} by cells\n`);
  }
  const thresholdRule = model.info.training?.thresholdRule;
  const chosenBy =
    typeof thresholdRule === 'string' ? thresholdRule : '95 % specificity on single validation bags';
  const svgPath = out.replace(/\.md$/, '-roc.svg');
  await mkdir(dirname(out), { recursive: true });
  await writeFile(svgPath, rocSvg(curves));
  const report = [
    '# Evaluation of the shipped HomNet model',
    '',
    `Model \`${model.id}\` (threshold ${threshold.toFixed(3)}), ${validation.length} validation cases of \`${relative(process.cwd(), home.sourceDir)}\` held out by case`,
    `(seed ${seed}; no cell of a validation case was seen in training). ${perSet} bags per set, half of them abnormal.`,
    '',
    '- **image** sets: changes cut into the crop images of one homolog in every cell of the bag, then the cells go through',
    "  the whole image pipeline again (what a real derivative would look like to the tool), cut along the crop's rows",
    '  (**image**) or along slanted lines (**oblique**);',
    "- **profile** sets: the training sampler's own profile-level changes (appendix A.1), on validation cases.",
    '- **standard**: pieces of 12–40 % of the length (all five kinds, Robertsonian included); **subtle**: 5–10 %',
    '  deletions, duplications, insertions, inversions and balanced translocations.',
    '',
    'AUC and F1 in %, "abnormal" the positive class; F1 at the shipped threshold (LR: 0.5; each ablation model at its own',
    "manifest threshold), and the best F1 over thresholds. Rows below LR are the paper's Table 4 ablations, each a model",
    'trained for it (`--ablation`); "w/o Pair" models see one homolog per cell, fed as both homologs.',
    '',
    '### Changes cut along the rows of the crop',
    '',
    tableOf('image'),
    '',
    '### Changes cut along slanted lines (10–25°), a generator training never uses',
    '',
    `Training cuts its changes into crops along their rows (the shipped model: ${changesOf(model.info.training)}), as the sets above do, on other cases and draws.`,
    'Here the crop is turned, cut and turned back, so the seams cross the chromosome obliquely; one homolog of',
    'every normal pair is turned there and back too, so that the resampling alone tells nothing.',
    '',
    tableOf('oblique'),
    '',
    "### Changes made on the profiles (the training sampler's own)",
    '',
    tableOf('profile'),
    '',
    `Paper (Pki-3 with artificial abnormalities, Table 3): HomNet AUC 75.71 / F1 64.04; LR 60.82 / 53.79.`,
    '',
    '## Recall per kind at the shipped threshold (image sets)',
    '',
    '| Kind | Recall |',
    '|---|---:|',
    ...[...recall]
      .sort()
      .map(
        ([kind, r]) => `| ${kind} | ${r.found}/${r.total} (${((100 * r.found) / r.total).toFixed(1)} %) |`,
      ),
    '',
    '## False flags on the real validation cases',
    '',
    `The ${falseFlags.cases} validation cases are real and, like every pki3 case, normal. Scored as the app and \`analyze\``,
    'score a case (every cell; a pair with a folded or hooked homolog left out while another cell has a pair',
    'without that doubt), each type at or above the threshold is a false flag a reviewer has to look at.',
    '',
    '| Cases | Flagged types | Cases without a flag | Per case, median | Per case, most |',
    '|---:|---:|---:|---:|---:|',
    `| ${falseFlags.cases} | ${falseFlags.flags} | ${falseFlags.none} | ${falseFlags.median} | ${falseFlags.max} |`,
    '',
    ...renderLabReports(labReports, threshold, chosenBy),
    `![ROC curves](${svgPath.split('/').pop() ?? ''})`,
    '',
    ...lengthGroupSection(imageSets),
    ...cellCountSection(pooled, pooledScores, imageSets, threshold),
    ...budgetSection(model, ablations.models),
    ...notRunSection(ablations.notRun),
  ].join('\n');
  await writeFile(out, report);
  process.stdout.write(report);
  model.dispose();
  for (const a of ablations.models) a.model.dispose();
  return 0;
}

runCli(main);
