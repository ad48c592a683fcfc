import { describe, expect, it } from 'vitest';
import { stripedBands, syntheticMetaphase, type DrawnChromosome } from '../testing/synthetic-metaphase';
import type { PixelBox } from '../segment/mask';
import { segmentMetaphase, type MetaphaseSegmentation } from './segment-metaphase';

function chromosome(label: string, path: DrawnChromosome['path'], bands = 6): DrawnChromosome {
  return { label, path, bands: stripedBands(bands) };
}

/** Whether box `inner` lies within `outer` widened by `slack` pixels. */
function within(inner: PixelBox, outer: PixelBox, slack = 3): boolean {
  return (
    inner.x0 >= outer.x0 - slack &&
    inner.y0 >= outer.y0 - slack &&
    inner.x1 <= outer.x1 + slack &&
    inner.y1 <= outer.y1 + slack
  );
}

/** The drawn extent of a straight chromosome from (x0, y0) to (x1, y1), 10 px wide. */
function drawnBox(x0: number, y0: number, x1: number, y1: number): PixelBox {
  return {
    x0: Math.min(x0, x1) - 5,
    y0: Math.min(y0, y1) - 5,
    x1: Math.max(x0, x1) + 6,
    y1: Math.max(y0, y1) + 6,
  };
}

function boxesOf(segmentation: MetaphaseSegmentation): PixelBox[] {
  return segmentation.objects.map((o) => o.box);
}

describe('segmentMetaphase', () => {
  it('parts a chromosome whose tip touches the side of another', () => {
    const { image } = syntheticMetaphase(200, 170, [
      chromosome('A1', [
        { x: 20, y: 50 },
        { x: 120, y: 50 },
      ]),
      chromosome('A2', [
        { x: 70, y: 60 },
        { x: 70, y: 140 },
      ]),
    ]);
    const segmentation = segmentMetaphase(image);
    expect(segmentation.objects).toHaveLength(2);
    const [first, second] = boxesOf(segmentation);
    expect(first && within(first, drawnBox(20, 50, 120, 50))).toBe(true);
    expect(second && within(second, drawnBox(70, 60, 70, 140))).toBe(true);
    expect(segmentation.objects.every((o) => o.cut && o.doubt === null)).toBe(true);
    // Kept whole, they are one object: the cut is what parts them.
    expect(segmentMetaphase(image, { splitTouching: false }).objects).toHaveLength(1);
  });

  it('parts two chromosomes touching tip to tip in a narrow contact', () => {
    const { image } = syntheticMetaphase(200, 100, [
      chromosome('A1', [
        { x: 20, y: 50 },
        { x: 100, y: 50 },
      ]),
      chromosome(
        'A2',
        [
          { x: 111, y: 50 },
          { x: 180, y: 50 },
        ],
        5,
      ),
    ]);
    const segmentation = segmentMetaphase(image);
    expect(segmentation.objects).toHaveLength(2);
    const [first, second] = boxesOf(segmentation);
    expect(first && within(first, drawnBox(20, 50, 100, 50))).toBe(true);
    expect(second && within(second, drawnBox(111, 50, 180, 50))).toBe(true);
  });

  it('does not cut a banded chromosome at its pale bands, straight or bent', () => {
    const { image } = syntheticMetaphase(200, 200, [
      chromosome(
        'A1',
        [
          { x: 20, y: 30 },
          { x: 180, y: 30 },
        ],
        9,
      ),
      chromosome(
        'A2',
        [
          { x: 20, y: 80 },
          { x: 80, y: 170 },
          { x: 170, y: 90 },
        ],
        9,
      ),
    ]);
    const segmentation = segmentMetaphase(image);
    expect(segmentation.objects).toHaveLength(2);
    expect(segmentation.objects.every((o) => !o.cut && o.doubt === null)).toBe(true);
  });

  it('marks two crossing chromosomes as a crossing rather than guessing them apart', () => {
    const { image } = syntheticMetaphase(170, 170, [
      chromosome('A1', [
        { x: 20, y: 80 },
        { x: 140, y: 80 },
      ]),
      chromosome(
        'A2',
        [
          { x: 80, y: 20 },
          { x: 80, y: 150 },
        ],
        5,
      ),
    ]);
    const segmentation = segmentMetaphase(image);
    expect(segmentation.objects).toHaveLength(1);
    expect(segmentation.objects[0]?.doubt).toBe('crossing');
  });

  it('leaves out a nucleus and specks but keeps the chromosome lying against the nucleus', () => {
    const { image } = syntheticMetaphase(
      240,
      200,
      [
        chromosome('A1', [
          { x: 20, y: 30 },
          { x: 20, y: 150 },
        ]),
        // Its tip runs into the nucleus.
        chromosome('A3', [
          { x: 100, y: 20 },
          { x: 130, y: 75 },
        ]),
        chromosome('B4', [
          { x: 176, y: 160 },
          { x: 230, y: 160 },
        ]),
        // Specks: a dot of stain each.
        {
          label: 'speck',
          path: [
            { x: 60, y: 60 },
            { x: 60, y: 60 },
          ],
          bands: () => 0.6,
        },
        {
          label: 'speck',
          path: [
            { x: 200, y: 30 },
            { x: 200, y: 30 },
          ],
          bands: () => 0.6,
        },
      ],
      [{ x: 130, y: 110, radius: 30 }],
    );
    const segmentation = segmentMetaphase(image);
    expect(segmentation.dropped).toEqual({ nuclei: 1, debris: 2 });
    expect(segmentation.objects).toHaveLength(3);
    const touching = segmentation.objects.find((o) => within(o.box, drawnBox(100, 20, 130, 75), 6));
    expect(touching).toBeDefined();
    // Its own pixels and not the nucleus's: about its drawn area (10 px × 63 px).
    expect(touching?.area ?? 0).toBeGreaterThan(450);
    expect(touching?.area ?? 0).toBeLessThan(800);
    expect(segmentation.objectOf[110 * 240 + 130]).toBe(0);
  });

  it('leaves out lace (the mottled cytoplasm round a nucleus) beside a chromosome', () => {
    const { image } = syntheticMetaphase(200, 120, [
      chromosome('A1', [
        { x: 20, y: 20 },
        { x: 20, y: 100 },
      ]),
    ]);
    // Stain over a 60 × 60 patch with a pale pixel in every 3 × 3, round a solid dab as thick as a
    // chromosome: dark and thick enough to pass for chromatin, but more rim than body.
    for (let y = 30; y < 90; y++)
      for (let x = 100; x < 160; x++) {
        const dab = Math.abs(x - 130) < 7 && Math.abs(y - 60) < 7;
        if (dab || x % 3 !== 2 || y % 3 !== 2) image.pixels[y * 200 + x] = 90;
      }
    const segmentation = segmentMetaphase(image);
    expect(segmentation.objects).toHaveLength(1);
    const [only] = boxesOf(segmentation);
    expect(only && within(only, drawnBox(20, 20, 20, 100))).toBe(true);
  });
});
