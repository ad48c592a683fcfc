import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import type { GrayImage } from '../shared/gray-image';
import { OTHER_LAB, restyleCrop } from './lab-style';

function bar(): GrayImage {
  const width = 12;
  const height = 30;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 4; y < 26; y++) for (let x = 4; x < 8; x++) pixels[y * width + x] = 40;
  return { width, height, pixels };
}

describe('another lab’s look', () => {
  it('inverts, enlarges and keeps the chromosome recognisable', () => {
    const out = restyleCrop(bar(), { ...OTHER_LAB, maxRotationDeg: 0, blurPx: 0 }, createRandom(1));
    expect(out.width).toBeGreaterThan(12);
    expect(out.height).toBeGreaterThan(30 * 1.3);
    // Light chromosome on a dark background now.
    expect(out.pixels[0]).toBeLessThan(60);
    const centre = out.pixels[Math.floor(out.height / 2) * out.width + Math.floor(out.width / 2) - 1] ?? 0;
    expect(centre).toBeGreaterThan(150);
  });

  it('changes nothing but a 1-pixel white frame when the style is our own (no resampling blur)', () => {
    const ours = { inverted: false, gamma: 1, contrast: 1, blurPx: 0, scale: 1, maxRotationDeg: 0 };
    const input = bar();
    const out = restyleCrop(input, ours, createRandom(1));
    expect([out.width, out.height]).toEqual([input.width + 2, input.height + 2]);
    for (let y = 0; y < input.height; y++) {
      for (let x = 0; x < input.width; x++) {
        expect(out.pixels[(y + 1) * out.width + x + 1]).toBe(input.pixels[y * input.width + x]);
      }
    }
  });

  it('rotates each crop by its own small angle, deterministically per seed', () => {
    const a = restyleCrop(bar(), OTHER_LAB, createRandom(3));
    const b = restyleCrop(bar(), OTHER_LAB, createRandom(3));
    const c = restyleCrop(bar(), OTHER_LAB, createRandom(4));
    expect(Array.from(a.pixels)).toEqual(Array.from(b.pixels));
    expect(Array.from(a.pixels)).not.toEqual(Array.from(c.pixels));
  });
});
