import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readArtifactsFromDirectory } from '../../model/weights/node-files';
import type { AblationVariant } from '../common/ablation-plan';
import { ABLATIONS_DIR, trainArguments } from '../common/ablation-plan';

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

/**
 * Trains each variant into ABLATIONS_DIR/<folder>/ in turn, skipping finished ones (a manifest.json);
 * an interrupted one resumes from its checkpoint. Writes ABLATIONS_DIR/runner.pid while it runs, so
 * that it can be stopped; a stop request reaches the running training too and starts no further
 * variant. Progress goes to stderr.
 * @returns the exit code: 0 when every variant is trained, 1 when one failed, 130 when stopped.
 */
export async function trainAblations(variants: readonly AblationVariant[], data: string): Promise<number> {
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
