import { encode } from 'fast-png';
import type { MetaphaseSegmentation } from '../src/imaging/metaphase/segment-metaphase';
import type { PixelBox } from '../src/imaging/segment/mask';
import type { GrayImage } from '../src/shared/gray-image';

/** Tints for objects that stand clear, in turn (blue, green, orange, cyan, purple); crossings are red. */
const TINTS = [
  [40, 90, 230],
  [30, 170, 60],
  [240, 150, 20],
  [20, 190, 200],
  [150, 60, 200],
] as const;
const CROSSING = [230, 20, 20] as const;
const BOX = [255, 0, 255] as const;

/**
 * A PNG of the metaphase with each segmented object tinted (neighbours in different tints, a crossing in
 * red; pixels of no object, such as nuclei and specks left out, in plain gray) and the annotated boxes
 * drawn in magenta: for looking at what the segmentation does, not for the app.
 */
export function renderSegmentationOverlay(
  image: GrayImage,
  segmentation: MetaphaseSegmentation,
  boxes: readonly PixelBox[],
): Uint8Array {
  const { width, height } = image;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const gray = image.pixels[i] ?? 0;
    const o = segmentation.objectOf[i] ?? 0;
    const object = segmentation.objects[o - 1];
    const tint =
      object === undefined ? null : object.doubt === 'crossing' ? CROSSING : TINTS[(o * 7) % TINTS.length];
    for (let c = 0; c < 3; c++)
      rgb[3 * i + c] =
        tint === null || tint === undefined ? gray : Math.round(0.45 * gray + 0.55 * (tint[c] ?? 0));
  }
  const paint = (x: number, y: number): void => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    for (let c = 0; c < 3; c++) rgb[3 * (y * width + x) + c] = BOX[c] ?? 0;
  };
  for (const b of boxes) {
    for (let x = b.x0; x < b.x1; x++) {
      paint(x, b.y0);
      paint(x, b.y1 - 1);
    }
    for (let y = b.y0; y < b.y1; y++) {
      paint(b.x0, y);
      paint(b.x1 - 1, y);
    }
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 });
}
