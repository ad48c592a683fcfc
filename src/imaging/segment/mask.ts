/**
 * A binary image: `data[y * width + x]` is 1 where an object (chromosome, line, text) is, else 0.
 * Width and height are in pixels.
 */
export interface BinaryMask {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A point in pixel coordinates (x right, y down; pixel centres at integers). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An axis-aligned box in pixels; `x0`, `y0` inclusive, `x1`, `y1` exclusive. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** An empty mask of the given size, pixels. */
export function createMask(width: number, height: number): BinaryMask {
  return { width, height, data: new Uint8Array(width * height) };
}

/** Width of a box, pixels. */
export function boxWidth(box: PixelBox): number {
  return box.x1 - box.x0;
}

/** Height of a box, pixels. */
export function boxHeight(box: PixelBox): number {
  return box.y1 - box.y0;
}

/** Smallest box holding both boxes. */
export function unionBox(a: PixelBox, b: PixelBox): PixelBox {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

/** Overlap of the horizontal extents of two boxes in pixels (negative: the gap between them). */
export function horizontalOverlap(a: PixelBox, b: PixelBox): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** Overlap of the vertical extents of two boxes in pixels (negative: the gap between them). */
export function verticalOverlap(a: PixelBox, b: PixelBox): number {
  return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
}
