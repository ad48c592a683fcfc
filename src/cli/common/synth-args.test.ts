import { describe, expect, it } from 'vitest';
import { parseSynthArgs, UsageError } from './synth-args';

describe('synth arguments', () => {
  it('read every option with defaults', () => {
    expect(parseSynthArgs(['--karyotype', '46,XY,del(5)(p14)', '--out', 'o'])).toEqual({
      karyotype: '46,XY,del(5)(p14)',
      out: 'o',
      level: 550,
      cells: 5,
      seed: 1,
      crops: false,
      karyograms: true,
    });
    const all = parseSynthArgs([
      '--karyotype=45,X',
      '--out=o',
      '--cells',
      '3',
      '--band-level',
      '300',
      '--seed',
      '9',
      '--crops-only',
      '--mosaic',
      '0.5',
    ]);
    expect(all).toMatchObject({ cells: 3, level: 300, seed: 9, crops: true, karyograms: false, mosaic: 0.5 });
  });

  it('reject bad arguments with a message naming them', () => {
    const bad: [string[], RegExp][] = [
      [['--out', 'o'], /--karyotype is required/],
      [['--karyotype', '46,XX'], /--out is required/],
      [
        ['--karyotype', '46,XX', '--out', 'o', '--band-level', '500'],
        /--band-level must be one of 300, 400, 550, 700/,
      ],
      [['--karyotype', '46,XX', '--out', 'o', '--cells', 'x'], /--cells must be a whole number/],
      [['--karyotype', '46,XX', '--out', 'o', '--mosaic', '2'], /--mosaic must be a fraction/],
      [['--karyotype', '46,XX', '--out', 'o', '--colour'], /unknown argument "--colour"/],
      [['--karyotype', '--out', 'o'], /--karyotype needs a value/],
      [['--karyotype', '46,XX', '--out', 'o', '--toString'], /unknown argument "--toString"/],
    ];
    for (const [argv, message] of bad) {
      expect(() => parseSynthArgs(argv)).toThrow(UsageError);
      expect(() => parseSynthArgs(argv)).toThrow(message);
    }
  });
});
