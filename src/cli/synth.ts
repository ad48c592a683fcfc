/**
 * `npm run synth -- --karyotype "46,XY,del(5)(p14)" --cells 5 --band-level 550 --seed 1 --out <dir>`:
 * synthetic karyograms with known truth (issue 3). Thin wrapper over src/karyotype; usage in synth-args.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseTruth } from '../karyotype/case-truth';
import { cropBundle } from '../karyotype/crop-bundle';
import { generateCase } from '../karyotype/synthetic-case';
import { parseSynthArgs, SYNTH_USAGE, UsageError } from './common/synth-args';
import { writeGrayPng } from './common/synth-png';

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${SYNTH_USAGE}\n`);
    return 0;
  }
  try {
    const args = parseSynthArgs(argv);
    const synthetic = generateCase({
      karyotype: args.karyotype,
      cells: args.cells,
      level: args.level,
      seed: args.seed,
      ...(args.mosaic === undefined ? {} : { mosaicFraction: args.mosaic }),
    });
    mkdirSync(args.out, { recursive: true });
    if (args.karyograms) {
      for (const cell of synthetic.cells)
        writeGrayPng(join(args.out, `${cell.id}.png`), cell.karyogram.image);
    }
    if (args.crops) {
      for (const file of cropBundle(synthetic)) writeGrayPng(join(args.out, file.path), file.image);
    }
    writeFileSync(join(args.out, 'truth.json'), `${JSON.stringify(caseTruth(synthetic), null, 2)}\n`);
    process.stderr.write(`wrote ${synthetic.cells.length} cell(s) of ${args.karyotype} to ${args.out}\n`);
    return 0;
  } catch (error) {
    // Every failure here comes from the arguments: a malformed karyotype, or one that cannot exist
    // (e.g. more losses of a chromosome than copies), so it is a usage error, status 2.
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError ? `${SYNTH_USAGE}\n` : '';
    process.stderr.write(`error: ${message}\n${usage}`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
