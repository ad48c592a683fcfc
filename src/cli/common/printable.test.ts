import { describe, expect, it } from 'vitest';
import { printable } from './printable';

describe('printable', () => {
  it('leaves ordinary names alone, accents and other scripts included', () => {
    expect(printable('batch/case-k/cell01.png')).toBe('batch/case-k/cell01.png');
    expect(printable('Müller 染色体 – κ.tif')).toBe('Müller 染色体 – κ.tif');
    expect(printable('👩‍🔬.png')).toBe('👩‍🔬.png');
  });

  it('writes line breaks as visible escapes, so a name cannot start a line of its own', () => {
    expect(printable('bad.png\nerror: good.png: forged rejection')).toBe(
      'bad.png\\nerror: good.png: forged rejection',
    );
    expect(printable('a\rb\tc')).toBe('a\\rb\\tc');
    expect(printable('a\u2028b\u2029c\u0085d')).toBe('a\\u2028b\\u2029c\\x85d');
  });

  it('escapes terminal escape sequences: ESC, BEL, DEL, NUL and the one-byte CSI', () => {
    expect(printable('\u001b[2J\u001b]0;title\u0007x\u007f\u0000\u009b31m')).toBe(
      '\\x1b[2J\\x1b]0;title\\x07x\\x7f\\x00\\x9b31m',
    );
  });

  it('escapes bidi controls that would show a name reversed, and lone surrogates', () => {
    expect(printable('invoice\u202egnp.exe')).toBe('invoice\\u202egnp.exe');
    expect(printable('\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u200e\u200f\u061c')).toBe(
      '\\u2066\\u2067\\u2068\\u2069\\u202a\\u202b\\u202c\\u202d\\u200e\\u200f\\u061c',
    );
    expect(printable('a\ud800b')).toBe('a\\ud800b');
  });

  it('escapes a backslash, so that every escape read back stands for one character', () => {
    expect(printable('a\\nb')).toBe('a\\\\nb');
    expect(printable('a\\nb')).not.toBe(printable('a\nb'));
  });
});
