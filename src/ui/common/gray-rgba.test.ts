import { describe, expect, it } from 'vitest';
import { grayToRgba } from './gray-rgba';

describe('grayToRgba', () => {
  it('writes each gray value to R, G and B with full alpha', () => {
    const rgba = new Uint8ClampedArray(3 * 4);
    grayToRgba(new Uint8Array([0, 128, 255]), rgba);
    expect([...rgba]).toEqual([0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255]);
  });

  it('leaves pixels beyond the shorter buffer alone', () => {
    const rgba = new Uint8ClampedArray(2 * 4);
    grayToRgba(new Uint8Array([7]), rgba);
    expect([...rgba]).toEqual([7, 7, 7, 255, 0, 0, 0, 0]);
    const small = new Uint8ClampedArray(4);
    grayToRgba(new Uint8Array([1, 2, 3]), small);
    expect([...small]).toEqual([1, 1, 1, 255]);
  });
});
