import { describe, expect, it } from 'vitest';
import { decodeLzw } from './lzw';

/** Packs codes MSB-first at 9 bits each (valid while fewer than 511 table entries exist). */
function packNineBitCodes(codes: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(Math.ceil((codes.length * 9) / 8));
  codes.forEach((code, index) => {
    for (let bit = 0; bit < 9; bit++) {
      const position = index * 9 + bit;
      if (((code >> (8 - bit)) & 1) === 1)
        bytes[position >> 3] = (bytes[position >> 3] ?? 0) | (0x80 >> (position & 7));
    }
  });
  return bytes;
}

describe('decodeLzw', () => {
  it('decodes a hand-coded stream, including a code defined by its own use (KwKwK)', () => {
    // "ABABABA": A, B, 258 (AB), 260 (ABA, not yet defined when read), end.
    const target = new Uint8Array(16);
    const written = decodeLzw(packNineBitCodes([256, 65, 66, 258, 260, 257]), target);
    expect(written).toBe(7);
    expect(new TextDecoder().decode(target.subarray(0, written))).toBe('ABABABA');
  });

  it('stops on a stream whose table would link back on itself (utif2 loops forever on it)', () => {
    // Code 500 before it exists, then entries chosen so that 500 → 258 → 500 would form a cycle.
    const codes = [256, 500, 258, ...Array<number>(240).fill(65), 258, 65, 500, 257];
    const started = performance.now();
    expect(decodeLzw(packNineBitCodes(codes), new Uint8Array(1000))).toBe(0);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('terminates on random garbage and never writes past the target', () => {
    let seed = 12_345;
    const target = new Uint8Array(64);
    for (let round = 0; round < 300; round++) {
      const garbage = Uint8Array.from({ length: 200 }, () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        return seed & 0xff;
      });
      const written = decodeLzw(garbage, target);
      expect(written).toBeGreaterThanOrEqual(0);
    }
    expect(target).toHaveLength(64);
  });
});
