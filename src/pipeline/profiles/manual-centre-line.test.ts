import { beforeAll, describe, expect, it } from 'vitest';
import { analyseKaryogram } from '../../imaging/profile/analyse-karyogram';
import { centreLineThrough, straightenAlong } from '../../imaging/profile/manual-centre-line';
import { polylineLength } from '../../imaging/profile/medial-axis';
import { renderedKaryogram } from '../../imaging/testing/rendered-cells';
import type { Point } from '../../imaging/segment/mask';
import { pearson } from '../../shared/statistics';
import { chromosomeDoubts } from '../verdict/chromosome-doubts';
import { karyogramChromosomes } from './case-chromosomes';
import { withCentreLineUndone, withManualCentreLine } from './manual-centre-line';
import type { CaseChromosome } from './profiled-case';

let cell: CaseChromosome[] = [];

beforeAll(async () => {
  const { image } = renderedKaryogram('46,XY', { curled: ['2'] });
  const analysis = await analyseKaryogram(image);
  cell = karyogramChromosomes(analysis.chromosomes);
});

const chromosomeOf = (type: string, homolog: number): CaseChromosome => {
  const c = cell.find((x) => x.type === type && x.homolog === homolog);
  if (!c) throw new Error(`no ${type}/${String(homolog)}`);
  return c;
};

/** Every `every`-th point of an axis and its last: what a reviewer's clicks along it would be. */
const clicksAlong = (axis: readonly Point[], every: number): Point[] => [
  ...axis.filter((_, i) => i % every === 0),
  ...(axis.length % every === 1 ? [] : [axis[axis.length - 1] ?? { x: 0, y: 0 }]),
];

const correlation = (a: CaseChromosome, b: CaseChromosome): number =>
  pearson(a.profile, b.profile, Math.min(a.samples, b.samples));

describe('centreLineThrough', () => {
  it('runs from the first point to the last through every point, one pixel per step', () => {
    const points = [
      { x: 5, y: 2 },
      { x: 9, y: 20 },
      { x: 4, y: 41 },
      { x: 6, y: 60 },
    ];
    const line = centreLineThrough(points);
    expect(line[0]).toEqual(points[0]);
    const last = line[line.length - 1];
    expect(Math.hypot((last?.x ?? 0) - 6, (last?.y ?? 0) - 60)).toBeLessThan(0.3);
    for (const p of points) {
      expect(Math.min(...line.map((q) => Math.hypot(q.x - p.x, q.y - p.y)))).toBeLessThan(0.6);
    }
    for (let i = 1; i < line.length - 1; i++) {
      const a = line[i - 1];
      const b = line[i];
      expect(Math.hypot((b?.x ?? 0) - (a?.x ?? 0), (b?.y ?? 0) - (a?.y ?? 0))).toBeCloseTo(1, 3);
    }
    // No loop or overshoot between the clicks: hardly longer than the straight segments through them.
    expect(polylineLength(line)).toBeLessThan(1.1 * polylineLength(points));
  });

  it('is a straight segment for two points', () => {
    const line = centreLineThrough([
      { x: 0, y: 0 },
      { x: 0, y: 10 },
    ]);
    expect(line.every((p) => Math.abs(p.x) < 1e-9)).toBe(true);
    expect(line).toHaveLength(11);
  });
});

describe('a reviewer-drawn centre line', () => {
  it('straightens along the automatic axis to the very same profile (the recipe is complete)', () => {
    for (const c of cell) {
      const picture = c.axisPicture;
      if (!picture) throw new Error('no picture');
      const again = straightenAlong(picture, picture.axis);
      expect(again.samples).toBe(c.samples);
      expect(Array.from(again.profile)).toEqual(Array.from(c.profile));
      expect(Array.from(again.straightened.pixels)).toEqual(Array.from(c.straightened.pixels));
    }
  });

  it('profiles the chromosome along the clicked line, and Undo goes back line by line to the automatic axis', () => {
    const original = chromosomeOf('2', 0);
    const axis = original.axisPicture?.axis ?? [];
    const along = withManualCentreLine(original, cell, clicksAlong(axis, 12));
    // A line through points on the automatic axis reads nearly the same bands.
    expect(correlation(along, original)).toBeGreaterThan(0.95);
    expect(along.manualCentreLine?.earlier).toHaveLength(0);
    expect(along.axisPicture?.axis.length).toBeGreaterThan(0.9 * axis.length);

    // A chord from end to end across the curl samples something else and is shorter.
    const first = axis[0] ?? { x: 0, y: 0 };
    const last = axis[axis.length - 1] ?? { x: 0, y: 0 };
    const cellAfter = cell.map((c) => (c === original ? along : c));
    const chord = withManualCentreLine(along, cellAfter, [first, last]);
    expect(chord.samples).toBeLessThan(along.samples);
    expect(chord.manualCentreLine?.earlier).toHaveLength(1);
    expect(chord.axisCoverage).toBeLessThan(along.axisCoverage ?? 0);

    const cellChord = cell.map((c) => (c === original ? chord : c));
    const back = withCentreLineUndone(chord, cellChord);
    expect(Array.from(back.profile)).toEqual(Array.from(along.profile));
    expect(back.manualCentreLine?.points).toEqual(along.manualCentreLine?.points);

    const cellBack = cell.map((c) => (c === original ? back : c));
    const automatic = withCentreLineUndone(back, cellBack);
    expect(automatic.manualCentreLine).toBeUndefined();
    expect(Array.from(automatic.profile)).toEqual(Array.from(original.profile));
    expect(automatic.axisPicture?.axis).toEqual(original.axisPicture?.axis);
    expect(automatic.axisCoverage).toBe(original.axisCoverage);
    expect(automatic.chromatidDisagreement).toBe(original.chromatidDisagreement);
    expect(withCentreLineUndone(automatic, cell)).toBe(automatic);
  });

  it('is trusted: a doubtful straightening is no longer doubted once the reviewer draws the line', () => {
    const doubtful: CaseChromosome = { ...chromosomeOf('7', 1), chromatidDisagreement: 6.5 };
    const cellDoubt = cell.map((c) => (c.type === '7' && c.homolog === 1 ? doubtful : c));
    expect(chromosomeDoubts(doubtful)).toEqual(['straightening']);
    const drawn = withManualCentreLine(doubtful, cellDoubt, clicksAlong(doubtful.axisPicture?.axis ?? [], 8));
    expect(chromosomeDoubts(drawn)).toEqual([]);
    // Its figures are measured again, not copied: sound along the automatic axis of a sound chromosome.
    expect(drawn.chromatidDisagreement).toBeLessThan(4);
    const undone = withCentreLineUndone(
      drawn,
      cellDoubt.map((c) => (c === doubtful ? drawn : c)),
    );
    expect(undone.chromatidDisagreement).toBe(6.5);
    expect(chromosomeDoubts(undone)).toEqual(['straightening']);
  });

  it('refuses a line it cannot use, saying why', () => {
    const c = chromosomeOf('3', 0);
    expect(() => withManualCentreLine(c, cell, [{ x: 3, y: 3 }])).toThrow(/at least two points/);
    expect(() =>
      withManualCentreLine(c, cell, [
        { x: 3, y: 3 },
        { x: 3, y: 9999 },
      ]),
    ).toThrow(/outside the chromosome picture/);
    expect(() =>
      withManualCentreLine(c, cell, [
        { x: 3, y: 3 },
        { x: Number.NaN, y: 4 },
      ]),
    ).toThrow(/outside/);
    const { axisPicture, ...noPicture } = c;
    expect(axisPicture).toBeDefined();
    expect(() =>
      withManualCentreLine(noPicture, cell, [
        { x: 1, y: 1 },
        { x: 1, y: 9 },
      ]),
    ).toThrow(/no picture/);
    const old = {
      ...c,
      axisPicture: {
        image: c.axisPicture?.image ?? { width: 1, height: 1, pixels: new Uint8Array(1) },
        axis: [],
      },
    };
    expect(() =>
      withManualCentreLine(old, cell, [
        { x: 1, y: 1 },
        { x: 1, y: 9 },
      ]),
    ).toThrow(/analyse the case again/);
  });
});
