import { describe, expect, it, vi } from 'vitest';
import {
  UsageError,
  hasSwitch,
  integerOption,
  parseArgs,
  stringListOption,
  stringOption,
  runCli,
} from './args';
import { WeightsError } from '../../model/weights/manifest';

const SPEC = { help: 'switch', json: 'switch', model: 'value', ablation: 'value', steps: 'value' } as const;

describe('command-line options', () => {
  it('read values (separate or inline), switches and positional arguments', () => {
    const args = parseArgs(['in', '--model', 'm', '--json', '--steps=3', '-x', '-'], SPEC);
    expect(args.positional).toEqual(['in', '-x', '-']);
    expect(stringOption(args, 'model')).toBe('m');
    expect(integerOption(args, 'steps', 10)).toBe(3);
    expect(hasSwitch(args, 'json')).toBe(true);
    expect(hasSwitch(args, 'help')).toBe(false);
    expect(stringOption(args, 'ablation')).toBeUndefined();
  });

  it('keep every value of a repeated option in order, the last one as its value', () => {
    const args = parseArgs(['--ablation', 'a', '--model', 'm', '--ablation=b'], SPEC);
    expect(stringListOption(args, 'ablation')).toEqual(['a', 'b']);
    expect(stringOption(args, 'ablation')).toBe('b');
    expect(stringListOption(args, 'model')).toEqual(['m']);
    expect(stringListOption(args, 'steps')).toEqual([]);
  });

  it('keep a short-option group as one positional argument', () => {
    expect(parseArgs(['-abc', '-abc', 'z'], SPEC).positional).toEqual(['-abc', '-abc', 'z']);
  });

  it('reject unknown options, missing values and values on switches, naming the option', () => {
    const bad: [string[], string][] = [
      [['--modle', 'x'], 'unknown option --modle'],
      [['--modle=x'], 'unknown option --modle'],
      [['--constructor'], 'unknown option --constructor'],
      [['--json=yes'], 'unknown option --json'],
      [['--'], 'unknown option --'],
      [['--model'], '--model needs a value'],
      [['--model', '--json'], '--model needs a value'],
      [['--model=--json'], '--model needs a value'],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseArgs(argv, SPEC)).toThrow(UsageError);
      expect(() => parseArgs(argv, SPEC)).toThrow(message);
    }
  });

  it('accept only positive integers where one is asked for', () => {
    for (const value of ['0', '-1', '1.5', 'x', ''])
      expect(() => integerOption(parseArgs(['--steps', value], SPEC), 'steps', 1)).toThrow(
        '--steps must be a positive integer',
      );
    expect(integerOption(parseArgs([], SPEC), 'steps', 7)).toBe(7);
  });
});

describe('runCli', () => {
  it('prints a refused model file as one line (no stack) and exits 2', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const before = process.exitCode;
    try {
      runCli(() =>
        Promise.reject(new WeightsError('m.json: architecture.alignmentLayers 1e8 is above the limit of 16')),
      );
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(written).toEqual(['error: m.json: architecture.alignmentLayers 1e8 is above the limit of 16\n']);
      expect(process.exitCode).toBe(2);
    } finally {
      write.mockRestore();
      process.exitCode = before;
    }
  });

  it('prints an unexpected failure with its message escaped and its stack below, exit 1', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const before = process.exitCode;
    try {
      runCli(() => Promise.reject(new Error('bad.png\nerror: forged')));
      await new Promise((resolve) => setTimeout(resolve, 0));
      const text = written.join('');
      expect(text).toMatch(/^error: Error: bad\.png\\nerror: forged\n {4}at /);
      expect(text).not.toMatch(/^error: forged/m);
      expect(process.exitCode).toBe(1);
    } finally {
      write.mockRestore();
      process.exitCode = before;
    }
  });
});
