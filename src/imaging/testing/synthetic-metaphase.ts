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

/** Free pairs of 1 and 2 and one free 3, at several angles (fit a 320 × 240 metaphase). */
export const FREE_PAIRS_1_2_AND_A_3: readonly DrawnChromosome[] = [
  {
    label: 'A1',
    path: [
      { x: 20, y: 20 },
      { x: 20, y: 110 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'A1',
    path: [
      { x: 60, y: 30 },
      { x: 140, y: 70 },
    ],
    bands: stripedBands(6),
  },
  {
    label: 'A2',
    path: [
      { x: 30, y: 140 },
      { x: 40, y: 180 },
      { x: 60, y: 220 },
    ],
    bands: stripedBands(5),
  },
  {
    label: 'A2',
    path: [
      { x: 200, y: 20 },
      { x: 280, y: 20 },
    ],
    bands: stripedBands(5),
  },
  {
    label: 'A3',
    path: [
      { x: 100, y: 150 },
      { x: 170, y: 210 },
    ],
    bands: stripedBands(4),
  },
];

/** A 3 and a 7 touching end to end (fit a 320 × 240 metaphase beside FREE_PAIRS_1_2_AND_A_3). */
export const A_3_TOUCHING_A_7: readonly DrawnChromosome[] = [
  {
    label: 'A3',
    path: [
      { x: 200, y: 120 },
      { x: 260, y: 120 },
    ],
    bands: stripedBands(4),
  },
  {
    label: 'C7',
    path: [
      { x: 264, y: 124 },
      { x: 264, y: 180 },
    ],
    bands: stripedBands(3),
  },
];
