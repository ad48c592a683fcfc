import { join, relative } from 'node:path';
import { prepareCaseInput } from '../src/imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../src/imaging/case-input/read-folder.node.js';
import { loadModel } from '../src/model/load-model';
import { readArtifactsFromDirectory } from '../src/model/weights/node-files';
import type { HomNetModel } from '../src/model/homnet-model';
import { caseCellFromCrops, profileCase } from '../src/pipeline/profiles/profile-case-files';
import type { CaseChromosome, ProfiledCase } from '../src/pipeline/profiles/profiled-case';
import { straighteningDoubtful } from '../src/imaging/profile/axis-coverage';
import { CHROMOSOME_TYPES } from '../src/shared/chromosome-types';
import { hasSwitch, integerOption, parseArgs, runCli, stringOption } from '../src/cli/common/args';
import { shippedModelDirectory } from '../src/cli/common/shipped-model';
import { loadLabs, readLabCrops, splitLabs } from '../src/cli/common/training-labs';
import { imagesUnder } from '../src/cli/evaluation/karyogram-survey';

/**
 * Question: how many false flags does leaving out pairs whose chromatids disagree save, and how many types
 * does it leave without a verdict (every pair doubtful)? On real normal cases (the karyograms of
 * ../shared/data/karyograms, the tseng and pki3 validation patients, split seed 1), every flag is false.
 * Each pair is scored alone; a bag's logit is the mean of its pairs' own logits (the bag block divides
 * its gated sum by the bag size, so this is exact), so every cut-off is judged from one model pass.
 * Feeds DOUBTFUL_CHROMATID_DISAGREEMENT (src/imaging/profile/chromatid-agreement.ts).
 */

/** One pair of one cell, scored alone, with what may be wrong with its homologs. */
interface PairRow {
  readonly lab: string;
  readonly case: string;
  readonly type: string;
  /** Log-odds of the pair scored as a bag of its own. */
  readonly logit: number;
  /** Per homolog: relative chromatid disagreement, and whether another doubt (coverage, cut-out) holds. */
  readonly homologs: readonly { readonly disagreement: number; readonly otherDoubt: boolean }[];
}

const logit = (p: number): number => Math.log(Math.max(p, 1e-7) / Math.max(1 - p, 1e-7));

function homologFigures(c: CaseChromosome): PairRow['homologs'][number] {
  return {
    disagreement: c.chromatidDisagreement ?? 1,
    otherDoubt: straighteningDoubtful(c.axisCoverage) || c.cutOutDoubt !== undefined,
  };
}

async function pairRows(model: HomNetModel, lab: string, profiled: ProfiledCase): Promise<PairRow[]> {
  const rows: PairRow[] = [];
  for (const type of CHROMOSOME_TYPES) {
    for (const cell of profiled.cells) {
      const copies = cell.chromosomes.filter((c) => c.type === type).sort((a, b) => a.homolog - b.homolog);
      const [a, b] = copies;
      if (!a || !b) continue;
      const [prediction] = await model.predict(
        [{ type, pairs: [{ homologs: [a.profile, b.profile], bandLevel: cell.bandLevel.value }] }],
        { details: false },
      );
      if (prediction === undefined) continue;
      rows.push({
        lab,
        case: profiled.id,
        type,
        logit: logit(prediction.probability),
        homologs: [homologFigures(a), homologFigures(b)],
      });
    }
  }
  return rows;
}

/** Per lab and cut-off: false flags per case and types per case left without a reliable pair. */
function renderCutOffs(rows: readonly PairRow[], threshold: number): string {
  const lines = [`cut-off  lab         cases  flags/case  unreliable types/case  (threshold ${threshold})`];
  const thresholdLogit = logit(threshold);
  for (const cutOff of [Number.POSITIVE_INFINITY, 4, 3, 2.5, 2]) {
    for (const lab of ['karyograms', 'tseng', 'pki3']) {
      const bags = new Map<string, PairRow[]>();
      for (const r of rows.filter((row) => row.lab === lab))
        bags.set(`${r.case}\u0000${r.type}`, [...(bags.get(`${r.case}\u0000${r.type}`) ?? []), r]);
      const cases = new Set(rows.filter((row) => row.lab === lab).map((r) => r.case)).size;
      let flags = 0;
      let unreliable = 0;
      for (const pairs of bags.values()) {
        const sound = pairs.filter((p) => p.homologs.every((h) => !h.otherDoubt && h.disagreement < cutOff));
        if (sound.length === 0) unreliable++;
        else if (sound.reduce((sum, p) => sum + p.logit, 0) / sound.length >= thresholdLogit) flags++;
      }
      lines.push(
        `${String(cutOff).padEnd(8)} ${lab.padEnd(11)} ${String(cases).padStart(5)}  ` +
          `${(flags / Math.max(1, cases)).toFixed(2).padStart(10)}  ${(unreliable / Math.max(1, cases)).toFixed(2).padStart(21)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    model: 'value',
    tseng: 'value',
    pki3: 'value',
  });
  if (hasSwitch(args, 'help')) {
    process.stdout.write('npx tsx research/pair-quality.ts [--model dir] [--tseng N] [--pki3 N]\n');
    return 0;
  }
  const model = await loadModel({
    weights: await readArtifactsFromDirectory(stringOption(args, 'model') ?? (await shippedModelDirectory())),
    backend: 'wasm',
  });
  const rows: PairRow[] = [];
  const karyograms = '../shared/data/karyograms';
  for (const path of await imagesUnder(karyograms)) {
    const plan = await prepareCaseInput(await readFolderAsVirtualFiles(path));
    const planned = plan.cases[0];
    if (planned === undefined) continue;
    const profiled = await profileCase(planned);
    rows.push(...(await pairRows(model, 'karyograms', { ...profiled, id: relative(karyograms, path) })));
    process.stderr.write(`karyogram ${path}\n`);
  }
  const { labs } = await loadLabs(['../shared/data/pki3', '../shared/data/tseng'], '.checkpoints/cache');
  const [pki3, tseng] = labs;
  if (tseng) {
    const { validation } = splitLabs([tseng], 0.2, 1);
    for (const c of validation.slice(0, integerOption(args, 'tseng', 62))) {
      const patient = c.id.slice(tseng.prefix.length);
      const plan = await prepareCaseInput(await readFolderAsVirtualFiles(join(tseng.sourceDir, patient)));
      const planned = plan.cases[0];
      if (planned === undefined) continue;
      rows.push(...(await pairRows(model, 'tseng', await profileCase(planned))));
      process.stderr.write(`tseng ${patient}\n`);
    }
  }
  if (pki3) {
    const { validation } = splitLabs([pki3], 0.2, 1);
    const crops = await readLabCrops([pki3], validation.slice(0, integerOption(args, 'pki3', 56)));
    for (const [caseId, cells] of crops) {
      const profiled = [...cells].map(([cellId, cellCrops]) => caseCellFromCrops(cellId, cellId, cellCrops));
      rows.push(...(await pairRows(model, 'pki3', { id: caseId, cells: profiled, errors: [] })));
    }
  }
  process.stdout.write(renderCutOffs(rows, model.info.threshold));
  model.dispose();
  return 0;
}

runCli(main);
