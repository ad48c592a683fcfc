import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOSTILE_INPUTS, type HostileOutcome } from './hostile-inputs';

/** What issue #26 allows one input: decided within 30 s at ≤ 1.5 GB. */
export const HOSTILE_BUDGET = { ms: 30_000, peakRssMb: 1536 } as const;

const CHILD = fileURLToPath(new URL('./hostile-input-child.ts', import.meta.url));

/** Decides the input in `folder` in a fresh Node process with a 4 GB heap ceiling. */
function decideInChild(name: string, folder: string): HostileOutcome {
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, '--max-old-space-size=4096', CHILD, name, folder],
    { encoding: 'utf8', timeout: 10 * HOSTILE_BUDGET.ms },
  );
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status === 0 && line !== '') return JSON.parse(line) as HostileOutcome;
  return {
    name,
    cells: 0,
    firstError: `the bench's child process failed (${run.signal ?? `exit ${String(run.status)}`}): ${run.stderr.slice(-300)}`,
    ms: Number.NaN,
    peakRssMb: Number.NaN,
  };
}

/**
 * Decides every crafted input of {@link HOSTILE_INPUTS}: each is written to a folder of its own here
 * (making it is not part of deciding it), then decided in a fresh Node process, so that its peak memory
 * is its own (start-up included), under a 4 GB heap ceiling, so that a regression shows as a figure over
 * budget rather than a crash of the bench.
 */
export function benchHostileInputs(): HostileOutcome[] {
  return HOSTILE_INPUTS.map((input) => {
    const root = mkdtempSync(join(tmpdir(), 'homnet-hostile-'));
    // A fixed name inside, so that messages read "input/bomb.tif".
    const folder = join(root, 'input');
    mkdirSync(folder);
    try {
      for (const file of input.make()) {
        const bytes = file.bytes();
        if (!(bytes instanceof Uint8Array)) throw new Error('hostile inputs are made in memory');
        writeFileSync(join(folder, file.path), bytes);
      }
      return decideInChild(input.name, folder);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
