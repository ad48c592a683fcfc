import { describe, expect, it } from 'vitest';
import { createGrayImage, type GrayImage } from '../../shared/gray-image';
import { profileCropCell, straighteningWarning, type TypedChromosomeImage } from './profile-crop-cell';
import { drawChromosome } from '../layout/draw-chromosome';
import { foldedCrop } from '../testing/folded-crop';
import {
  DOUBTFUL_AXIS_COVERAGE,
  relativeAxisCoverage,
  straighteningDoubtful,
  type AxisGeometry,
} from './axis-coverage';
import type { Point } from './medial-axis';

const geometry = (axisLength: number, areaPixels: number, axisWidth: number): AxisGeometry => ({
  axisLength,
  areaPixels,
  axisWidth,
});

describe('relativeAxisCoverage', () => {
  it('is 1 for chromosomes whose axes cover them alike, whatever their lengths', () => {
    const cell = [geometry(100, 1000, 10), geometry(60, 600, 10), geometry(30, 300, 10)];
    for (const c of relativeAxisCoverage(cell)) expect(c).toBeCloseTo(1, 9);
  });

  it('finds the chromosome whose axis covers half of what its area implies', () => {
    const cell = [
      geometry(100, 1000, 10),
      geometry(60, 600, 10),
      geometry(30, 300, 10),
      // Folded: the area of 80 px of chromosome, an axis of 40 px across a block twice as wide.
      geometry(40, 800, 20),
    ];
    const coverage = relativeAxisCoverage(cell);
    expect(coverage[3]).toBeCloseTo(0.5, 9);
    expect(coverage.map(straighteningDoubtful)).toEqual([false, false, false, true]);
  });

  it('takes the cell as its own reference: wide chromatids everywhere flag nothing', () => {
    const cell = [geometry(100, 2000, 20), geometry(60, 1200, 20), geometry(30, 600, 20)];
    for (const c of relativeAxisCoverage(cell)) expect(c).toBeCloseTo(1, 9);
  });

  it('has no reference in a cell of fewer than three chromosomes, or without widths', () => {
    expect(relativeAxisCoverage([geometry(40, 800, 20), geometry(100, 1000, 10)])).toEqual([1, 1]);
    expect(relativeAxisCoverage([geometry(1, 0, 0), geometry(1, 0, 0), geometry(1, 0, 0)])).toEqual([
      1, 1, 1,
    ]);
  });
});

/** A chromosome of width 14 px drawn along `path` on a white crop, with a few bands. */
function crop(path: readonly Point[], width: number, height: number): GrayImage {
  const image = createGrayImage(width, height, 255);
  drawChromosome(image, path, 14, (t) => 0.35 + 0.4 * Math.max(0, Math.sin(t * 23)));
  return image;
}

const straight = (length: number): GrayImage =>
  crop(
    [
      { x: 20, y: 10 },
      { x: 20, y: 10 + length },
    ],
    40,
    length + 20,
  );

/** A gentle bend, as chromosomes often lie: straightened along its whole length. */
const bent = (): GrayImage =>
  crop(
    [
      { x: 20, y: 10 },
      { x: 30, y: 60 },
      { x: 55, y: 100 },
      { x: 90, y: 120 },
    ],
    110,
    140,
  );

function typed(image: GrayImage, type: TypedChromosomeImage['type'], homolog: number): TypedChromosomeImage {
  return { type, homolog, image, source: `cell/${type}_${String(homolog)}.png` };
}

describe('crop cells with a folded chromosome', () => {
  const normal = [
    typed(straight(170), '1', 0),
    typed(straight(165), '1', 1),
    typed(straight(120), '6', 0),
    typed(straight(118), '6', 1),
    typed(straight(60), '21', 0),
    typed(bent(), '2', 0),
  ];

  it('marks the folded one doubtful and names it in the warning, and nothing else', () => {
    const cell = profileCropCell([...normal, typed(foldedCrop(14, 50), '21', 1)]);
    const coverage = cell.chromosomes.map((c) => c.axisCoverage);
    expect(coverage[6]).toBeLessThan(DOUBTFUL_AXIS_COVERAGE);
    for (const c of coverage.slice(0, 6)) expect(c).toBeGreaterThan(0.85);
    const warning = straighteningWarning(cell);
    expect(warning).toContain('21_1.png');
    expect(warning).not.toContain('2_0.png');
  });

  it('warns about nothing in a cell of straight and gently bent chromosomes', () => {
    const cell = profileCropCell(normal);
    expect(cell.chromosomes.every((c) => !straighteningDoubtful(c.axisCoverage))).toBe(true);
    expect(straighteningWarning(cell)).toBeNull();
  });
});
