import { writeFile } from 'node:fs/promises';
import { prepareCaseInput } from '../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../imaging/case-input/read-folder.node.js';
import type { BackendPreference } from '../model/backend';
import { BACKEND_NAMES } from '../model/backend';
import { loadModel } from '../model/load-model';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import { analysisDocument } from '../pipeline/analysis-json';
import { analyzeCases } from './common/analyze-cases';
import { UsageError, hasSwitch, parseArgs, runCli, stringOption } from './common/args';
import { printable } from './common/printable';
import { shippedModelDirectory } from './common/shipped-model';
import { loadTypeClassifier } from './classifier/classifier-folder';

const USAGE = `usage: npm run -s analyze -- <karyogram | case folder | folder of cases> [--json <out.json>]
       [--backend wasm|cpu|webgl|webgpu] [--model <dir>] [--classifier <dir>]
  A metaphase image without its .xml is arranged automatically with the type classifier (default: the
  shipped one, public/models/type-classifier): the JSON's cell then says so under typesAssigned.`;

/**
 * Writes the analysis JSON of ../shared/docs/formats.md to --json or stdout; exit code 2 when any file
 * was rejected (every other case is still analysed), or when the input holds nothing to analyse. Every
 * name printed goes through {@link printable}: a file name must not forge or hide a line.
 */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), {
    help: 'switch',
    json: 'value',
    backend: 'value',
    model: 'value',
    classifier: 'value',
  });
  if (hasSwitch(args, 'help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [input, ...extra] = args.positional;
  if (!input || extra.length > 0) throw new UsageError(`give exactly one input path\n${USAGE}`);
  const backend = stringOption(args, 'backend') ?? 'wasm';
  if (!(BACKEND_NAMES as readonly string[]).includes(backend))
    throw new UsageError(`unknown backend "${backend}"`);
  const modelDir = stringOption(args, 'model') ?? (await shippedModelDirectory());
  const files = await readFolderAsVirtualFiles(input).catch((error: unknown) => {
    throw new UsageError(
      `${printable(input)}: ${printable(error instanceof Error ? error.message : String(error))}`,
    );
  });
  const plan = await prepareCaseInput(files);
  for (const issue of plan.rejected)
    process.stderr.write(`error: ${printable(issue.path)}: ${printable(issue.message)}\n`);
  for (const issue of plan.warnings)
    process.stderr.write(`warning: ${printable(issue.path)}: ${printable(issue.message)}\n`);
  // An empty folder, or one of stray files only, is a mistake to say so, not an empty success.
  if (plan.cases.length === 0)
    throw new UsageError(
      `${printable(input)}: nothing to analyse (no images, crop folders or annotated metaphases found)`,
    );
  const weights = await readArtifactsFromDirectory(modelDir);
  const model = await loadModel({ weights, backend: backend as BackendPreference });
  // After the model: the classifier's weights live on the backend the model chose.
  const typeClassifier = await loadTypeClassifier(stringOption(args, 'classifier'));
  const { documents, rejected } = await analyzeCases(model, plan.cases, typeClassifier ?? undefined);
  const text = `${JSON.stringify(analysisDocument(model.info, model.backend.name, documents), null, 2)}\n`;
  typeClassifier?.weights.dispose();
  model.dispose();
  const out = stringOption(args, 'json');
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
  return plan.rejected.length + rejected > 0 ? 2 : 0;
}

runCli(main);
