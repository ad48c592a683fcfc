import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { drawChromosome, type BandPattern } from '../layout/draw-chromosome';
import type { Point } from '../segment/mask';

/** One chromosome of a made-up metaphase: its box name, centre line (p-ter first) and banding. */
export interface DrawnChromosome {
  /** The `<name>` its box gets (`A1`, `C7`, `X`, …). */
  readonly label: string;
  readonly path: readonly Point[];
  readonly bands: BandPattern;
}

/** A made-up metaphase image with the Pascal VOC annotation an annotator would draw round it. */
export interface SyntheticMetaphase {
  readonly image: GrayImage;
  /** The annotation as XML text. */
  readonly xml: string;
}

/** Width of every drawn chromosome, pixels. */
export const DRAWN_WIDTH = 10;

/**
 * Draws chromosomes (DRAWN_WIDTH wide) on a white `width` × `height` image, and, unless `blobs` say
 * otherwise, nothing else; each gets a tight box (its drawn extent, inclusive corners as VOC writes
 * them). Dark round `blobs` (nuclei) are drawn unboxed. For tests.
 */
export function syntheticMetaphase(
  width: number,
  height: number,
  chromosomes: readonly DrawnChromosome[],
  blobs: readonly { readonly x: number; readonly y: number; readonly radius: number }[] = [],
): SyntheticMetaphase {
  const image = createGrayImage(width, height, 255);
  for (const blob of blobs) drawChromosome(image, [blob, blob], 2 * blob.radius, () => 0.5);
  const objects = chromosomes.map((c) => {
    drawChromosome(image, c.path, DRAWN_WIDTH, c.bands);
    const r = DRAWN_WIDTH / 2;
    const xs = c.path.map((p) => p.x);
    const ys = c.path.map((p) => p.y);
    const box = {
      xmin: Math.max(0, Math.floor(Math.min(...xs) - r)),
      ymin: Math.max(0, Math.floor(Math.min(...ys) - r)),
      xmax: Math.min(width - 1, Math.ceil(Math.max(...xs) + r)),
      ymax: Math.min(height - 1, Math.ceil(Math.max(...ys) + r)),
    };
    return `  <object>
    <name>${c.label}</name>
    <bndbox><xmin>${box.xmin}</xmin><ymin>${box.ymin}</ymin><xmax>${box.xmax}</xmax><ymax>${box.ymax}</ymax></bndbox>
  </object>`;
  });
  const xml = `<?xml version="1.0"?>
<annotation>
  <filename>metaphase.png</filename>
  <size><width>${width}</width><height>${height}</height><depth>1</depth></size>
${objects.join('\n')}
</annotation>
`;
  return { image, xml };
}

/** A banding of `bands` dark bands along the length, darker towards q-ter so that p-ter can be told. */
export function stripedBands(bands: number, phase = 0): BandPattern {
  return (t) => 0.35 + 0.25 * Math.sin(2 * Math.PI * bands * t + phase) + 0.15 * t;
}
