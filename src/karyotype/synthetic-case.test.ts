import { describe, expect, it } from 'vitest';
import { caseTruth } from './case-truth';
import { cropBundle } from './crop-bundle';
import { generateCase } from './synthetic-case';
import { cellTrueProfiles } from './true-profile';

describe('generateCase', () => {
  const synthetic = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 2, level: 550, seed: 1 });

  it('draws one 1017 × 896 karyogram per cell with 46 chromosomes inside it', () => {
    expect(synthetic.cells).toHaveLength(2);
    for (const cell of synthetic.cells) {
      const { image, chromosomes } = cell.karyogram;
      expect([image.width, image.height]).toEqual([1017, 896]);
      expect(chromosomes).toHaveLength(46);
      for (const { box } of chromosomes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(image.width);
        expect(box.y + box.height).toBeLessThanOrEqual(image.height);
      }
    }
  });

  it('draws the deleted 5 shorter than its homolog, and says so in the truth', () => {
    const truth = caseTruth(synthetic);
    for (const cell of truth.cells) {
      const fives = cell.chromosomes.filter((c) => c.type === '5');
      const del = fives.find((c) => !c.normal);
      const normal = fives.find((c) => c.normal);
      expect(del?.derivative).toBe('del(5)(p14)');
      expect(del?.breakpoints).toEqual([
        { band: '5p14', source: '5', fraction: expect.any(Number) as number },
      ]);
      expect(del && normal && del.axisLengthPx / normal.axisLengthPx).toBeLessThan(0.92);
      expect(del?.segments[0]?.bands).toMatch(/^5p14/);
    }
    expect(truth.cells[0]?.file).toBe('cell01.png');
    // The recorded axis runs through the drawn chromosome.
    const image = synthetic.cells[0]?.karyogram.image;
    for (const chromosome of truth.cells[0]?.chromosomes ?? []) {
      const [x, y] = chromosome.axis[Math.floor(chromosome.axis.length / 2)] ?? [0, 0];
      expect(image?.pixels[Math.floor(y) * image.width + Math.round(x)]).toBeLessThan(245);
    }
  });

  it('is deterministic in its seed', () => {
    const again = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 1, level: 550, seed: 1 });
    const other = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 1, level: 550, seed: 2 });
    expect(again.cells[0]?.karyogram.image.pixels).toEqual(synthetic.cells[0]?.karyogram.image.pixels);
    expect(other.cells[0]?.karyogram.image.pixels).not.toEqual(synthetic.cells[0]?.karyogram.image.pixels);
  });

  it('writes crop bundle paths as <cell>/<type>_<homolog>.png', () => {
    const paths = cropBundle(synthetic).map((c) => c.path);
    expect(paths).toHaveLength(92);
    expect(paths).toContain('cell01/5_1.png');
    expect(paths).toContain('cell02/Y_0.png');
  });

  it('gives true profiles at one scale per cell', () => {
    const first = synthetic.cells[0];
    if (!first) throw new Error('no cell');
    const profiles = cellTrueProfiles(first.karyogram);
    const one = profiles.find((p) => p.type === '1');
    const y = profiles.find((p) => p.type === 'Y');
    expect(one?.profile.length).toBeGreaterThan(400);
    expect(y?.profile.length).toBeLessThan(200);
  });

  it('makes a simple mosaic with the requested share of abnormal cells', () => {
    const mosaic = generateCase({
      karyotype: '47,XX,+21',
      cells: 4,
      level: 300,
      seed: 3,
      mosaicFraction: 0.5,
      width: 300,
      height: 264,
    });
    expect(mosaic.cells.map((c) => c.karyotype.text).sort()).toEqual([
      '46,XX',
      '46,XX',
      '47,XX,+21',
      '47,XX,+21',
    ]);
    expect(mosaic.cells.map((c) => c.karyogram.chromosomes.length).sort()).toEqual([46, 46, 47, 47]);
    expect(() => generateCase({ karyotype: '46,XX', cells: 0, level: 300, seed: 1 })).toThrow(/cells/);
  });
});
