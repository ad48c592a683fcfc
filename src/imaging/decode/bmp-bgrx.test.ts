import { describe, expect, it } from 'vitest';
import { createRandom } from '../../shared/random';
import { decodeImage } from './decode-image';

/** Channel masks of a 32-bit pixel: where red, green, blue and alpha sit (0: not stored). */
interface Masks {
  readonly red: number;
  readonly green: number;
  readonly blue: number;
  readonly alpha: number;
}

/**
 * A 32-bit BMP with BI_ALPHABITFIELDS masks (BITMAPINFOHEADER + four masks) of the given RGBA pixels,
 * each channel stored at its mask's byte; bottom-up unless `topDown`.
 */
function bmp32(width: number, height: number, rgba: Uint8Array, masks: Masks, topDown: boolean): Uint8Array {
  const dataOffset = 14 + 40 + 16;
  const bytes = new Uint8Array(dataOffset + 4 * width * height);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x42;
  bytes[1] = 0x4d;
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, dataOffset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 32, true);
  view.setUint32(30, 6, true);
  view.setUint32(34, 4 * width * height, true);
  const order = [masks.red, masks.green, masks.blue, masks.alpha];
  order.forEach((mask, k) => {
    view.setUint32(54 + 4 * k, mask, true);
  });
  const channels = order.map((mask) => (mask === 0 ? -1 : Math.log2(mask / 0xff) / 8));
  for (let y = 0; y < height; y++) {
    const row = dataOffset + 4 * width * (topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) {
      channels.forEach((at, c) => {
        if (at >= 0) bytes[row + 4 * x + at] = rgba[4 * (y * width + x) + c] ?? 0;
      });
    }
  }
  return bytes;
}

/** The usual layout (blue, green, red, alpha bytes), which the fast path reads. */
const BGRA = { red: 0x00ff0000, green: 0x0000ff00, blue: 0x000000ff, alpha: 0xff000000 };
/** The same channels in another byte order, which only the generic mask arithmetic reads. */
const RGBA_ORDER = { red: 0x000000ff, green: 0x0000ff00, blue: 0x00ff0000, alpha: 0xff000000 };

describe('32-bit BMP in blue-green-red byte order (issue #25: read without the generic mask arithmetic)', () => {
  it('gives the gray levels and alpha use the generic masked path gives the same colours', () => {
    const random = createRandom(32);
    for (const [width, height] of [
      [1, 1],
      [3, 2],
      [17, 9],
    ] as const) {
      for (const alpha of ['opaque', 'translucent', 'unused'] as const) {
        const rgba = new Uint8Array(4 * width * height).map((_, i) =>
          i % 4 === 3
            ? alpha === 'opaque'
              ? 255
              : alpha === 'unused'
                ? 0
                : random.int(0, 255)
            : random.int(0, 255),
        );
        for (const topDown of [false, true]) {
          for (const withAlpha of [true, false]) {
            const fast = { ...BGRA, alpha: withAlpha ? BGRA.alpha : 0 };
            const generic = { ...RGBA_ORDER, alpha: withAlpha ? RGBA_ORDER.alpha : 0 };
            const [a] = decodeImage('fast.bmp', bmp32(width, height, rgba, fast, topDown));
            const [b] = decodeImage('generic.bmp', bmp32(width, height, rgba, generic, topDown));
            if (a === undefined || b === undefined) throw new Error('a BMP decoded to no page');
            expect(a.image).toEqual(b.image);
            expect(a.hadAlpha).toBe(b.hadAlpha);
            expect(a.hadAlpha).toBe(withAlpha && alpha !== 'unused');
          }
        }
      }
    }
  });
});
