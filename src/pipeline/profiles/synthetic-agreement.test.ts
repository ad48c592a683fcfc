import { describe, expect, it } from 'vitest';
import { analyseKaryogram } from '../../imaging/profile/analyse-karyogram';
import { generateCase } from '../../karyotype/synthetic-case';
import { cellAgreement } from './synthetic-agreement';

describe('image pipeline on synthetic karyograms with known truth', () => {
  it('finds, types and places every chromosome and samples profiles like the true ones', async () => {
    const synthetic = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 3, level: 400, seed: 7 });
    for (const cell of synthetic.cells) {
      const analysis = await analyseKaryogram(cell.karyogram.image);
      const agreement = cellAgreement(cell.karyogram, analysis);
      expect(agreement.found, cell.id).toBe(46);
      expect(agreement.allRight, cell.id).toBe(true);
      const sorted = [...agreement.correlations].sort((a, b) => a - b);
      expect(sorted[Math.floor(sorted.length / 2)] ?? 0).toBeGreaterThanOrEqual(0.9);
    }
  });
});
