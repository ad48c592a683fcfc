/** A command-line mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parsed `--flag value` and `--switch` options plus positional arguments. */
export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
  /** Every value of each value-taking option, in order (`options` keeps the last one). */
  readonly values: Map<string, string[]>;
}

/**
 * Minimal, strict argument parsing: options must be among `known` (value-taking ones end with '=').
 * Unknown options are errors, so a typo never silently changes what runs.
 */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const takesValue = new Set(known.filter((k) => k.endsWith('=')).map((k) => k.slice(0, -1)));
  const switches = new Set(known.filter((k) => !k.endsWith('=')));
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (takesValue.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
      values.set(name, [...(values.get(name) ?? []), value]);
    } else if (switches.has(name) && inline === undefined) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options, values };
}

/** A positive integer option, or its default. */
export function integerOption(args: ParsedArgs, name: string, fallback: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < 1)
    throw new UsageError(`--${name} must be a positive integer`);
  return value;
}

/** A string option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const raw = args.options.get(name);
  return typeof raw === 'string' ? raw : undefined;
}

/** All values of an option that may be repeated (`--x a --x b`), in order; empty when absent. */
export function stringListOption(args: ParsedArgs, name: string): string[] {
  return args.values.get(name) ?? [];
}

/** Runs a CLI main, turning UsageError into a one-line message and exit code 2. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
