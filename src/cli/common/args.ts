import { parseArgs as nodeParseArgs } from 'node:util';
import { WeightsError } from '../../model/weights/manifest';
import { printable } from './printable';

/** A command-line mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A command's options by name (without `--`): a `'value'` option takes one (`--out x` or `--out=x`) and
 * may be repeated, a `'switch'` takes none (`--json`).
 */
export type OptionSpec = Readonly<Record<string, 'value' | 'switch'>>;

/** The names in `S` of one kind, so that asking for a misspelt or wrong-kind option does not compile. */
type NamesOf<S extends OptionSpec, Kind extends 'value' | 'switch'> = Extract<
  { [K in keyof S]: S[K] extends Kind ? K : never }[keyof S],
  string
>;

/** A command line read against its OptionSpec. */
export interface ParsedArgs<S extends OptionSpec> {
  readonly positional: readonly string[];
  /** Every value of each value option given, in order (options not given have no entry). */
  readonly values: ReadonlyMap<NamesOf<S, 'value'>, readonly string[]>;
  readonly switches: ReadonlySet<NamesOf<S, 'switch'>>;
}

/** Node's tokens for `argv`. Not strict: unknown options come back as tokens, and we name them our way. */
export function argTokens(argv: readonly string[], spec: OptionSpec) {
  const options = Object.fromEntries(
    Object.entries(spec).map(
      ([name, kind]) => [name, { type: kind === 'value' ? 'string' : 'boolean' }] as const,
    ),
  );
  return nodeParseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

/**
 * Reads `argv` (without node and the script) with node:util's parseArgs. Strict in our own terms, which
 * the commands' tests and docs rely on: an option not in `spec` is an error (`unknown option --x`), so a
 * typo never silently changes what runs, and so is a value option without a value or followed by another
 * option (`--x needs a value`). A bare `--` is an unknown option too; an argument with a single dash
 * (`-x`) is positional, as it always was here.
 * @throws UsageError naming the offending option.
 */
export function parseArgs<const S extends OptionSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const positional: string[] = [];
  const values = new Map<NamesOf<S, 'value'>, string[]>();
  const switches = new Set<NamesOf<S, 'switch'>>();
  const isValue = (name: string): name is NamesOf<S, 'value'> => spec[name] === 'value';
  const isSwitch = (name: string): name is NamesOf<S, 'switch'> => spec[name] === 'switch';
  let lastShort = -1;
  for (const token of argTokens(argv, spec)) {
    const raw = argv[token.index] ?? '';
    if (token.kind === 'positional') {
      positional.push(token.value);
    } else if (token.kind === 'option' && !token.rawName.startsWith('--')) {
      // `-abc` comes back as three tokens of one argument; it is one positional argument.
      if (token.index !== lastShort) positional.push(raw);
      lastShort = token.index;
    } else if (token.kind === 'option' && isValue(token.name)) {
      if (token.value === undefined || token.value.startsWith('--'))
        throw new UsageError(`--${token.name} needs a value`);
      values.set(token.name, [...(values.get(token.name) ?? []), token.value]);
    } else if (token.kind === 'option' && isSwitch(token.name) && token.value === undefined) {
      switches.add(token.name);
    } else {
      throw new UsageError(`unknown option ${printable(raw.split('=', 1)[0] ?? raw)}`);
    }
  }
  return { positional, values, switches };
}

/** Whether a switch was given. */
export function hasSwitch<S extends OptionSpec>(args: ParsedArgs<S>, name: NamesOf<S, 'switch'>): boolean {
  return args.switches.has(name);
}

/** A value option (its last value when repeated), or undefined when not given. */
export function stringOption<S extends OptionSpec>(
  args: ParsedArgs<S>,
  name: NamesOf<S, 'value'>,
): string | undefined {
  return args.values.get(name)?.at(-1);
}

/** All values of an option that may be repeated (`--x a --x b`), in order; empty when absent. */
export function stringListOption<S extends OptionSpec>(
  args: ParsedArgs<S>,
  name: NamesOf<S, 'value'>,
): readonly string[] {
  return args.values.get(name) ?? [];
}

/** A positive integer option, or `fallback` when not given. @throws UsageError when not one. */
export function integerOption<S extends OptionSpec>(
  args: ParsedArgs<S>,
  name: NamesOf<S, 'value'>,
  fallback: number,
): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer`);
  return value;
}

/**
 * An unexpected error for stderr: its name and message on one line, {@link printable} (a message may quote
 * a file name: `ENOENT: no such file or directory, open '<path>'`), then its stack frames as they are.
 */
function unexpectedErrorText(error: unknown): string {
  if (!(error instanceof Error)) return printable(String(error));
  const head = printable(`${error.name}: ${error.message}`);
  const stack = error.stack ?? '';
  // V8 starts the stack with the name and message as they were when it was thrown: the frames follow the
  // message's end. A stack that does not hold the message is printed below it, escaped as one line.
  const end =
    error.message === '' ? stack.indexOf('\n') : stack.indexOf(error.message) + error.message.length;
  if (error.message !== '' && end < error.message.length) return `${head}\n${printable(stack)}`;
  return `${head}${end < 0 ? '' : stack.slice(end)}`;
}

/** Runs a CLI main, turning UsageError and a refused model file into a one-line message and exit code 2. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        // Written by the commands, with lines of usage; a name quoted in it is made printable where quoted.
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      if (error instanceof WeightsError) {
        // A refused model file is bad input, named by its message; its stack says nothing to the user.
        process.stderr.write(`error: ${printable(error.message)}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`error: ${unexpectedErrorText(error)}\n`);
      process.exitCode = 1;
    },
  );
}
