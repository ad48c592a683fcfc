import { analyseKaryogram } from '../../imaging/profile/analyse-karyogram';
import { generateCase } from '../../karyotype/synthetic-case';
import { cellAgreement } from '../../pipeline/profiles/synthetic-agreement';
import type { BandLevel } from '../../shared/chromosome-types';

/** Karyotypes the check cycles through: normal, numerical and structural, both sexes. */
const KARYOTYPES = [
  '46,XX',
  '46,XY',
  '46,XY,del(5)(p14)',
  '46,XX,inv(9)(p12q13)',
  '46,XX,t(11;22)(q23;q11.2)',
  '47,XY,+21',
  '45,X',
  '47,XXY',
  '46,XX,dup(1)(q21q32)',
  '45,XY,rob(13;14)(q10;q10)',
];
const LEVELS: BandLevel[] = [300, 400, 550, 700];

/** How generated karyograms came back through the image pipeline (`npm run check:synthetic`). */
export interface SyntheticCheckReport {
  readonly cells: number;
  /** Cells whose every chromosome was found and typed right. */
  readonly cellsAllRight: number;
  /** Percentages to one decimal. */
  readonly cellsAllRightPercent: number;
  readonly chromosomesRightPercent: number;
  /** Pearson r of read-back profiles with the truth, quantiles rounded to 3 decimals. */
  readonly profileCorrelationMedian: number;
  readonly profileCorrelationP10: number;
  readonly profileCorrelationP25: number;
  readonly profileCorrelationAtLeast09Percent: number;
  /** One line per cell that did not come out entirely right. */
  readonly failures: readonly string[];
}

/**
 * Generates `total` single-cell karyograms (the karyotypes in turn, then the next band level; seeds from
 * 1000) and reads each back with analyseKaryogram.
 */
export async function checkSyntheticCells(total: number): Promise<SyntheticCheckReport> {
  let allRight = 0;
  let chromosomes = 0;
  let correct = 0;
  const correlations: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < total; i++) {
    const karyotype = KARYOTYPES[i % KARYOTYPES.length] ?? '46,XX';
    const level = LEVELS[Math.floor(i / KARYOTYPES.length) % LEVELS.length] ?? 400;
    const cell = generateCase({ karyotype, cells: 1, level, seed: 1000 + i }).cells[0];
    if (!cell) continue;
    try {
      const agreement = cellAgreement(cell.karyogram, await analyseKaryogram(cell.karyogram.image));
      chromosomes += agreement.expected;
      correct += agreement.correct;
      correlations.push(...agreement.correlations);
      if (agreement.allRight) allRight++;
      else
        failures.push(
          `${karyotype} @${level} seed ${1000 + i}: ${agreement.correct}/${agreement.expected} right, ${agreement.found} found`,
        );
    } catch (error) {
      failures.push(
        `${karyotype} @${level} seed ${1000 + i}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  correlations.sort((a, b) => a - b);
  const quantile = (q: number): number =>
    Math.round(1000 * (correlations[Math.floor(q * (correlations.length - 1))] ?? 0)) / 1000;
  return {
    cells: total,
    cellsAllRight: allRight,
    cellsAllRightPercent: Math.round((1000 * allRight) / total) / 10,
    chromosomesRightPercent: Math.round((1000 * correct) / Math.max(1, chromosomes)) / 10,
    profileCorrelationMedian: quantile(0.5),
    profileCorrelationP10: quantile(0.1),
    profileCorrelationP25: quantile(0.25),
    profileCorrelationAtLeast09Percent:
      Math.round((1000 * correlations.filter((r) => r >= 0.9).length) / Math.max(1, correlations.length)) /
      10,
    failures,
  };
}
