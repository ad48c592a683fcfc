import type { BandLevel } from '../../shared/chromosome-types';
import { BAND_LEVELS, isBandLevel } from '../../shared/chromosome-types';
import type { OptionSpec } from './args';
import { argTokens } from './args';

/** Parsed command line of `npm run synth`. */
export interface SynthArgs {
  readonly karyotype: string;
  readonly cells: number;
  readonly level: BandLevel;
  readonly seed: number;
  readonly out: string;
  /** Write a crop bundle (<out>/<cell>/<type>_<homolog>.png). */
  readonly crops: boolean;
  /** Write karyogram PNGs (false with --crops-only). */
  readonly karyograms: boolean;
  /** Fraction of cells with the karyotype, the rest normal (simple mosaic); undefined = every cell. */
  readonly mosaic?: number;
}

export const SYNTH_USAGE = `usage: npm run synth -- --karyotype "46,XY,del(5)(p14)" --out <dir>
  [--cells 5] [--band-level 300|400|550|700 (550)] [--seed 1]
  [--crops] [--crops-only] [--mosaic <fraction of abnormal cells, 0-1>]
Writes <dir>/cellNN.png (one karyogram per cell) and <dir>/truth.json; --crops also writes
<dir>/cellNN/<type>_<homolog>.png. The karyotype may be a mosaic: "mos 47,XY,+21[3]/46,XY[7]".`;

/** A command-line mistake; the CLI prints its message and the usage and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const SPEC: OptionSpec = {
  crops: 'switch',
  'crops-only': 'switch',
  karyotype: 'value',
  cells: 'value',
  'band-level': 'value',
  seed: 'value',
  out: 'value',
  mosaic: 'value',
};

/**
 * Parses argv (without node and script), tokenised by node:util's parseArgs. Stricter than the other
 * commands: anything that is not one of its options, a positional argument included, is named whole.
 * @throws UsageError saying which argument is wrong.
 */
export function parseSynthArgs(argv: readonly string[]): SynthArgs {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (const token of argTokens(argv, SPEC)) {
    const known =
      token.kind === 'option' && token.rawName.startsWith('--') && Object.hasOwn(SPEC, token.name);
    const kind = known ? SPEC[token.name] : undefined;
    if (token.kind !== 'option' || kind === undefined)
      throw new UsageError(`unknown argument "${argv[token.index] ?? ''}"`);
    const name = `--${token.name}`;
    // A switch given a value (`--crops=1`) is still the switch, as it has always been here.
    if (kind === 'switch') flags.add(name);
    else {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('--')))
        throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    }
  }
  const karyotype = values.get('--karyotype');
  const out = values.get('--out');
  if (karyotype === undefined) throw new UsageError('--karyotype is required');
  if (out === undefined) throw new UsageError('--out is required');
  const level = integer(values.get('--band-level') ?? '550', '--band-level', 1);
  if (!isBandLevel(level))
    throw new UsageError(`--band-level must be one of ${BAND_LEVELS.join(', ')}, got ${level}`);
  const mosaicText = values.get('--mosaic');
  const mosaic = mosaicText === undefined ? undefined : Number(mosaicText);
  if (mosaic !== undefined && !(mosaic >= 0 && mosaic <= 1)) {
    throw new UsageError(`--mosaic must be a fraction between 0 and 1, got "${mosaicText ?? ''}"`);
  }
  const cropsOnly = flags.has('--crops-only');
  return {
    karyotype,
    out,
    level,
    cells: integer(values.get('--cells') ?? '5', '--cells', 1, 200),
    seed: integer(values.get('--seed') ?? '1', '--seed', 0, 2 ** 32 - 1),
    crops: cropsOnly || flags.has('--crops'),
    karyograms: !cropsOnly,
    ...(mosaic === undefined ? {} : { mosaic }),
  };
}

function integer(text: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
