import type { ScoredExample } from '../../model/eval/metrics';
import { bestF1Threshold, f1AtThreshold, rocAuc } from '../../model/eval/metrics';
import type { CaseCrops } from '../../model/train/crop-cells';
import type { SampledBag } from '../../model/train/bag-sampler';
import type { DatasetCase } from '../../model/train/dataset';
import { createRandom } from '../../shared/random';
import type { ChangeSize } from './image-level-sets';
import { ownCellsBag } from './image-level-sets';
import { summariseFalseFlags, type FalseFlagSummary } from './real-case-flags';
import { flagsPerCase, type CaseTypeScores } from './real-case-scores';

/** How many of a patient's own cells a bag holds. */
export type CellCount = 1 | 2 | 3 | 'all';
export const CELL_COUNTS: readonly CellCount[] = [1, 2, 3, 'all'];

/** A set needs this many patients with enough cells to say anything. */
const MIN_PATIENTS = 5;

/** One lab's image-level figures for one bag size and change size. */
export interface CellSetFigures {
  readonly cells: CellCount;
  readonly size: ChangeSize;
  /** Patients with enough cells for the count. */
  readonly patients: number;
  readonly bags: number;
  /** In [0, 1]. */
  readonly auc: number;
  /** F1 at the model's threshold, [0, 1]. */
  readonly f1: number;
  readonly bestF1: number;
  /** Recall per kind of change at the model's threshold. */
  readonly recall: readonly { readonly kind: string; readonly found: number; readonly total: number }[];
}

/** Everything reported for one lab's validation patients. */
export interface LabReport {
  readonly lab: string;
  readonly patients: number;
  readonly sets: readonly CellSetFigures[];
  /** Type flags per real normal case at the model's threshold. */
  readonly falseFlags: FalseFlagSummary;
}

/** Scores bags with the model under evaluation. */
export type BagScorer = (bags: readonly SampledBag[]) => Promise<ScoredExample[]>;

/**
 * One lab's validation patients: image-level standard and subtle changes in bags of 1, 2, 3 and all of a
 * patient's own cells (never pooled across patients: these are the cases a lab would send), half the
 * bags abnormal; and its real cases' false flags at `threshold`. Seeded per set, so that a count's set
 * does not change when another is added.
 */
export async function labReport(
  lab: string,
  validation: readonly DatasetCase[],
  crops: CaseCrops,
  realScores: CaseTypeScores,
  score: BagScorer,
  threshold: number,
  bagsPerSet: number,
): Promise<LabReport> {
  const sets: CellSetFigures[] = [];
  for (const [countIndex, cells] of CELL_COUNTS.entries()) {
    const needed = cells === 'all' ? 1 : cells;
    const patients = validation.filter((c) => c.cells.length >= needed).length;
    if (patients < MIN_PATIENTS) continue;
    for (const [sizeIndex, size] of (['standard', 'subtle'] as const).entries()) {
      const random = createRandom(20261206 + 10 * countIndex + sizeIndex);
      const bags = Array.from({ length: bagsPerSet }, (_, i) =>
        ownCellsBag(validation, crops, random, i % 2 === 1, size, cells),
      );
      const scored = await score(bags);
      const recall = new Map<string, { found: number; total: number }>();
      bags.forEach((bag, i) => {
        if (bag.label !== 1) return;
        const entry = recall.get(bag.kind) ?? { found: 0, total: 0 };
        entry.total++;
        if ((scored[i]?.score ?? 0) >= threshold) entry.found++;
        recall.set(bag.kind, entry);
      });
      sets.push({
        cells,
        size,
        patients,
        bags: bags.length,
        auc: rocAuc(scored),
        f1: f1AtThreshold(scored, threshold).f1,
        bestF1: bestF1Threshold(scored).f1,
        recall: [...recall].sort(([a], [b]) => a.localeCompare(b)).map(([kind, r]) => ({ kind, ...r })),
      });
    }
  }
  return {
    lab,
    patients: validation.length,
    sets,
    falseFlags: summariseFalseFlags(flagsPerCase(realScores, threshold)),
  };
}

const percent = (value: number): string => (100 * value).toFixed(1);

/** The "By lab and by cells" section of docs/evaluation.md. */
export function renderLabReports(
  reports: readonly LabReport[],
  threshold: number,
  chosenBy: string,
): string[] {
  const lines = [
    '## By lab and by cells',
    '',
    `Each lab's validation patients (held out by patient), with image-level changes cut into one homolog of`,
    "every cell of the bag; a bag holds 1, 2, 3 or all of one patient's own cells that have the pair (never",
    `cells of other patients). AUC and F1 in %; F1 at the shipped threshold ${threshold.toFixed(3)} (${chosenBy})`,
    'and the best F1 over thresholds.',
    '',
    '| Lab | Cells per bag | Patients | Standard AUC | Standard F1 | Standard best F1 | Subtle AUC | Subtle F1 | Subtle best F1 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const report of reports)
    for (const cells of CELL_COUNTS) {
      const standard = report.sets.find((s) => s.cells === cells && s.size === 'standard');
      const subtle = report.sets.find((s) => s.cells === cells && s.size === 'subtle');
      if (!standard || !subtle) continue;
      lines.push(
        `| ${report.lab} | ${cells} | ${standard.patients} | ${percent(standard.auc)} | ${percent(standard.f1)} | ${percent(standard.bestF1)} | ${percent(subtle.auc)} | ${percent(subtle.f1)} | ${percent(subtle.bestF1)} |`,
      );
    }
  lines.push(
    '',
    '### Recall per kind at the shipped threshold (bags of all cells)',
    '',
    '| Lab | Kind | Standard | Subtle |',
    '|---|---|---:|---:|',
  );
  for (const report of reports) {
    const standard = report.sets.find((s) => s.cells === 'all' && s.size === 'standard');
    const subtle = report.sets.find((s) => s.cells === 'all' && s.size === 'subtle');
    for (const entry of standard?.recall ?? []) {
      const other = subtle?.recall.find((r) => r.kind === entry.kind);
      const cell = (r: { found: number; total: number } | undefined): string =>
        r === undefined ? '–' : `${r.found}/${r.total} (${percent(r.found / r.total)} %)`;
      lines.push(`| ${report.lab} | ${entry.kind} | ${cell(entry)} | ${cell(other)} |`);
    }
  }
  lines.push(
    '',
    '### False flags per real normal case',
    '',
    'Every validation patient of both labs is normal: each type at or above the threshold, scored as the app scores the case (every cell; pairs with a doubtful straightening or cut-out left out while another cell has the pair), is a false flag.',
    '',
    '| Lab | Cases | Flagged types | Per case, mean | Cases without a flag | Per case, median | Per case, most |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...reports.map(
      (r) =>
        `| ${r.lab} | ${r.falseFlags.cases} | ${r.falseFlags.flags} | ${(r.falseFlags.flags / Math.max(1, r.falseFlags.cases)).toFixed(2)} | ${r.falseFlags.none} | ${r.falseFlags.median} | ${r.falseFlags.max} |`,
    ),
    '',
  );
  return lines;
}
