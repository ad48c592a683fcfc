import type { GrayImage } from '../../shared/gray-image';
import { labelComponents } from '../segment/components';
import { fillHoles } from '../segment/mask-tools';
import type { BinaryMask, PixelBox, Point } from '../segment/mask';
import { RASTER_MARGIN } from './chromosome-raster';

/**
 * A chromosome's cut-out placed in the image it came from: picture pixel (0, 0) is image pixel
 * (`origin.x`, `origin.y`); `mask` (the picture's size) says which of its pixels are the chromosome's, and
 * `box` is the mask's bounding box in image pixels. As rasterFromImage makes them: the picture is the box
 * plus RASTER_MARGIN pixels on every side.
 */
export interface PlacedPicture {
  readonly image: GrayImage;
  readonly mask: BinaryMask;
  readonly origin: Point;
  readonly box: PixelBox;
}

/** Bounding box of a mask's pixels (mask pixels), or null when it has none. */
function maskBounds(mask: BinaryMask): PixelBox | null {
  let x0 = mask.width;
  let y0 = mask.height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < mask.height; y++) {
    for (let x = 0; x < mask.width; x++) {
      if (mask.data[y * mask.width + x] === 0) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  }
  return x1 > x0 ? { x0, y0, x1, y1 } : null;
}

/**
 * A picture whose frame is `frame` (image pixels) with `background` wherever none of `sources` covers it,
 * and the union of their masks. Sources overlap only where they show the same image pixels.
 */
function composed(
  frame: PixelBox,
  sources: readonly { readonly image: GrayImage; readonly mask: BinaryMask; readonly origin: Point }[],
  background: number,
): { image: GrayImage; mask: BinaryMask } {
  const width = frame.x1 - frame.x0;
  const height = frame.y1 - frame.y0;
  const pixels = new Uint8Array(width * height).fill(Math.round(background));
  const data = new Uint8Array(width * height);
  for (const source of sources) {
    const dx = source.origin.x - frame.x0;
    const dy = source.origin.y - frame.y0;
    for (let y = 0; y < source.image.height; y++) {
      const ty = y + dy;
      if (ty < 0 || ty >= height) continue;
      for (let x = 0; x < source.image.width; x++) {
        const tx = x + dx;
        if (tx < 0 || tx >= width) continue;
        const from = y * source.image.width + x;
        const to = ty * width + tx;
        pixels[to] = source.image.pixels[from] ?? 0;
        if (source.mask.data[from] !== 0) data[to] = 1;
      }
    }
  }
  return { image: { width, height, pixels }, mask: { width, height, data } };
}

/**
 * The part of a picture that `mask` (the picture's size) holds, cut out again around it with
 * RASTER_MARGIN pixels on every side, as a chromosome found there would have been.
 *
 * @throws Error when the mask is empty
 */
export function pictureAroundMask(
  picture: { readonly image: GrayImage; readonly origin: Point },
  mask: BinaryMask,
  background: number,
): PlacedPicture {
  const bounds = maskBounds(mask);
  if (bounds === null) throw new Error('the part holds no pixel of the chromosome');
  const box = {
    x0: picture.origin.x + bounds.x0,
    y0: picture.origin.y + bounds.y0,
    x1: picture.origin.x + bounds.x1,
    y1: picture.origin.y + bounds.y1,
  };
  const frame = {
    x0: box.x0 - RASTER_MARGIN,
    y0: box.y0 - RASTER_MARGIN,
    x1: box.x1 + RASTER_MARGIN,
    y1: box.y1 + RASTER_MARGIN,
  };
  const made = composed(frame, [{ image: picture.image, mask, origin: picture.origin }], background);
  return { ...made, origin: { x: frame.x0, y: frame.y0 }, box };
}

/** Pixels beyond the nearest distance within which a pair of rim pixels still counts as facing. */
const NEAR_PAIR_SLACK = 1.5;

/** Object pixels of a mask with a background 4-neighbour (or on the mask's edge). */
function rim(mask: BinaryMask): number[] {
  const { width, height, data } = mask;
  const out: number[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (data[i] === 0) continue;
      const edge =
        x === 0 ||
        y === 0 ||
        x === width - 1 ||
        y === height - 1 ||
        data[i - 1] === 0 ||
        data[i + 1] === 0 ||
        data[i - width] === 0 ||
        data[i + width] === 0;
      if (edge) out.push(i);
    }
  }
  return out;
}

/** Sets every mask pixel within `radius` of the segment a–b. */
function paintSegment(mask: BinaryMask, a: Point, b: Point, radius: number): void {
  const steps = Math.max(1, Math.ceil(2 * Math.hypot(b.x - a.x, b.y - a.y)));
  const reach = Math.ceil(radius);
  for (let s = 0; s <= steps; s++) {
    const cx = a.x + ((b.x - a.x) * s) / steps;
    const cy = a.y + ((b.y - a.y) * s) / steps;
    for (let y = Math.floor(cy) - reach; y <= Math.ceil(cy) + reach; y++) {
      for (let x = Math.floor(cx) - reach; x <= Math.ceil(cx) + reach; x++) {
        if (x < 0 || y < 0 || x >= mask.width || y >= mask.height) continue;
        if (Math.hypot(x - cx, y - cy) <= radius) mask.data[y * mask.width + x] = 1;
      }
    }
  }
}

/**
 * Two chromosomes' pictures made one: the frame around both, each picture's pixels where it has them (the
 * image's background elsewhere), the union of their masks, and, when the two do not touch, a bridge of
 * `bridgeRadius` pixels between their nearest pixels so that one centre line can run through both (the
 * gap's own gray values are kept: a pale gap shows as pale).
 *
 * @param maxGap pixels; two objects further apart are refused
 * @throws Error naming the gap when the two lie further apart than `maxGap`
 */
export function joinedPictures(
  a: PlacedPicture,
  b: PlacedPicture,
  options: { readonly background: number; readonly bridgeRadius: number; readonly maxGap: number },
): PlacedPicture {
  const box = {
    x0: Math.min(a.box.x0, b.box.x0),
    y0: Math.min(a.box.y0, b.box.y0),
    x1: Math.max(a.box.x1, b.box.x1),
    y1: Math.max(a.box.y1, b.box.y1),
  };
  const frame = {
    x0: box.x0 - RASTER_MARGIN,
    y0: box.y0 - RASTER_MARGIN,
    x1: box.x1 + RASTER_MARGIN,
    y1: box.y1 + RASTER_MARGIN,
  };
  const joined = composed(frame, [a, b], options.background);
  if (labelComponents(joined.mask).components.length > 1) {
    const own = (picture: PlacedPicture): BinaryMask => composed(frame, [picture], options.background).mask;
    const { width } = joined.mask;
    const rimA = rim(own(a));
    const rimB = rim(own(b));
    const distances = rimA.map((i) =>
      rimB.map((j) => Math.hypot((j % width) - (i % width), Math.floor(j / width) - Math.floor(i / width))),
    );
    const nearest = Math.min(...distances.map((row) => Math.min(...row)));
    if (nearest > options.maxGap)
      throw new Error(
        `the two objects lie ${nearest.toFixed(0)} pixels apart, too far to be one chromosome (at most ${options.maxGap.toFixed(0)})`,
      );
    // The bridge runs between the middles of the two facing stretches of rim (every pair within a pixel
    // and a half of the nearest): two ends facing each other are joined at their middles, not at a corner.
    const from = { x: 0, y: 0, n: 0 };
    const to = { x: 0, y: 0, n: 0 };
    distances.forEach((row, a) => {
      row.forEach((distance, b) => {
        if (distance > nearest + NEAR_PAIR_SLACK) return;
        const i = rimA[a] ?? 0;
        const j = rimB[b] ?? 0;
        from.x += i % width;
        from.y += Math.floor(i / width);
        from.n++;
        to.x += j % width;
        to.y += Math.floor(j / width);
        to.n++;
      });
    });
    paintSegment(
      joined.mask,
      { x: from.x / from.n, y: from.y / from.n },
      { x: to.x / to.n, y: to.y / to.n },
      options.bridgeRadius,
    );
  }
  // A bridge beside a touching end can close a ring: its inside is the chromosome's, as in rasterFromImage.
  return { image: joined.image, mask: fillHoles(joined.mask), origin: { x: frame.x0, y: frame.y0 }, box };
}
