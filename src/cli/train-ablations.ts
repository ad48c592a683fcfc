import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readArtifactsFromDirectory } from '../model/weights/node-files';
import type { AblationVariant } from './common/ablation-plan';
import { ABLATIONS, ABLATIONS_DIR, ABLATION_BUDGET, trainArguments } from './common/ablation-plan';
import { UsageError, parseArgs, runCli, stringOption } from './common/args';

const USAGE = `usage: npm run train:ablations -- [--data <crop-bundle dir>] [--only <folder>[,<folder>…]]
  Trains the Table 4 ablation models one after the other at one budget (${ABLATION_BUDGET.steps} steps,
  batch ${ABLATION_BUDGET.batch}, seed ${ABLATION_BUDGET.seed}) into ${ABLATIONS_DIR}/<folder>/:
  ${ABLATIONS.map((a) => `${a.folder} (${a.variant})`).join(', ')}.
  Finished models (a manifest.json) are skipped; an interrupted one resumes from its last checkpoint
  (every ${ABLATION_BUDGET.evalEvery} steps). Stop it with: kill $(cat ${ABLATIONS_DIR}/runner.pid)`;

async function isFinished(directory: string): Promise<boolean> {
  try {
    await readArtifactsFromDirectory(directory);
    return true;
  } catch {
    return false;
  }
}

/** Runs one `npm run train` to its end; resolves with its exit code (or the signal that stopped it). */
function trainVariant(
  variant: AblationVariant,
  data: string,
  out: string,
  onChild: (stop: (signal: NodeJS.Signals) => void) => void,
): Promise<number | NodeJS.Signals> {
  const child = spawn(
    resolve('node_modules/.bin/tsx'),
    ['src/cli/train.ts', ...trainArguments(variant, data, out)],
    {
      stdio: 'inherit',
    },
  );
  onChild((signal) => child.kill(signal));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      done(signal ?? code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['help', 'data=', 'only=']);
  if (args.options.has('help')) throw new UsageError(USAGE);
  const data = stringOption(args, 'data') ?? '../shared/data/pki3';
  const only = stringOption(args, 'only')?.split(',');
  const unknown = only?.filter((folder) => !ABLATIONS.some((a) => a.folder === folder)) ?? [];
  if (unknown.length > 0) throw new UsageError(`--only: unknown variant ${unknown.join(', ')}\n${USAGE}`);
  // Cheapest first, so that a session cut short still ends with rows: fewer regions (a larger merge range)
  // train faster, and range#8's 64 × 64 attention is by far the slowest.
  const variants = ABLATIONS.filter((a) => !only || only.includes(a.folder)).sort(
    (a, b) => b.mergeRange - a.mergeRange,
  );

  const root = resolve(ABLATIONS_DIR);
  await mkdir(root, { recursive: true });
  const pidFile = join(root, 'runner.pid');
  await writeFile(pidFile, `${process.pid}\n`);
  // A stop request goes to the running training too (it is not in our process group when run by npm),
  // and no further variant starts; the next run resumes from the last checkpoint.
  let stopChild: ((signal: NodeJS.Signals) => void) | null = null;
  const stop = { requested: false };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stop.requested = true;
      process.stderr.write(`\n${signal}: stopping; the next run resumes from the last checkpoint\n`);
      stopChild?.(signal);
    });
  }
  const failed: string[] = [];
  try {
    for (const variant of variants) {
      if (stop.requested) break;
      const out = join(root, variant.folder);
      if (await isFinished(out)) {
        process.stderr.write(`== ${variant.folder} (${variant.variant}): finished, skipped\n`);
        continue;
      }
      process.stderr.write(
        `== ${variant.folder} (${variant.variant}): training, ${new Date().toISOString()}\n`,
      );
      const result = await trainVariant(variant, data, out, (stop) => {
        stopChild = stop;
      });
      stopChild = null;
      if (result !== 0) {
        failed.push(`${variant.folder} (${String(result)})`);
        process.stderr.write(`== ${variant.folder}: training ended with ${String(result)}\n`);
      }
    }
  } finally {
    await rm(pidFile, { force: true });
  }
  if (stop.requested) {
    process.stderr.write('stopped; run `npm run train:ablations` again to resume\n');
    return 130;
  }
  process.stderr.write(
    failed.length > 0
      ? `failed: ${failed.join(', ')}\n`
      : `all ${variants.length} ablation models are trained\n`,
  );
  return failed.length > 0 ? 1 : 0;
}

runCli(main);
