import { writeFile } from 'node:fs/promises';
import { loadModel } from '../model/load-model';
import type { BackendPreference } from '../model/backend';
import { BACKEND_NAMES } from '../model/backend';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { prepareCaseInput } from '../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../imaging/case-input/read-folder.node.js';
import type { CaseDocument } from '../pipeline/analysis-json';
import { analysisDocument, caseDocument } from '../pipeline/analysis-json';
import { fewCellsText } from '../pipeline/verdict/few-cells';
import { profileCase } from '../pipeline/profiles/profile-case-files';
import { scoreCase } from '../pipeline/verdict/score-case';
import { UsageError, parseArgs, runCli, stringOption } from './common/args';
import { shippedModelDirectory } from './common/shipped-model';

const USAGE = `usage: npm run -s analyze -- <karyogram | case folder | folder of cases> [--json <out.json>]
       [--backend wasm|cpu|webgl|webgpu] [--model <dir>]`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['help', 'json=', 'backend=', 'model=']);
  if (args.options.has('help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [input, ...extra] = args.positional;
  if (!input || extra.length > 0) throw new UsageError(`give exactly one input path\n${USAGE}`);
  const backend = stringOption(args, 'backend') ?? 'wasm';
  if (!(BACKEND_NAMES as readonly string[]).includes(backend))
    throw new UsageError(`unknown backend "${backend}"`);
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());

  let files;
  try {
    files = await readFolderAsVirtualFiles(input);
  } catch (error) {
    throw new UsageError(`${input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plan = await prepareCaseInput(files);
  const model = await loadModel({
    weights: await readArtifactsFromDirectory(modelDir),
    backend: backend as BackendPreference,
  });
  let rejected = plan.rejected.length;
  for (const issue of plan.rejected) process.stderr.write(`error: ${issue.path}: ${issue.message}\n`);
  for (const issue of plan.warnings) process.stderr.write(`warning: ${issue.path}: ${issue.message}\n`);
  const documents: CaseDocument[] = [];
  for (const [i, plannedCase] of plan.cases.entries()) {
    process.stderr.write(
      `case ${i + 1}/${plan.cases.length}: ${plannedCase.id} (${plannedCase.cells.length} cells)\n`,
    );
    const profiled = await profileCase(plannedCase);
    const scored = await scoreCase(model, profiled);
    for (const error of profiled.errors) process.stderr.write(`error: ${error.file}: ${error.message}\n`);
    // What the review screen shows per cell (inverted polarity, p-ter read from the banding, doubtful
    // straightening): the case is analysed, but the reader of the JSON should know.
    for (const cell of profiled.cells) {
      for (const warning of cell.warnings) process.stderr.write(`warning: ${cell.source}: ${warning}\n`);
    }
    const fewCells = fewCellsText(profiled.cells.filter((c) => c.chromosomes.length > 0).length);
    if (fewCells) {
      process.stderr.write(
        `warning: ${plannedCase.id}: ${fewCells} (add the case's other cells to its folder)\n`,
      );
    }
    rejected += profiled.errors.length;
    documents.push(caseDocument(scored));
  }
  const document = analysisDocument(model.info, model.backend.name, documents);
  model.dispose();
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const out = stringOption(args, 'json');
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
  return rejected > 0 ? 2 : 0;
}

runCli(main);
