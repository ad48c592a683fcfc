import type { TypedChromosomeImage } from '../../imaging/profile/profile-crop-cell';
import type { HomNetModel } from '../../model/homnet-model';
import { caseCellFromCrops } from '../../pipeline/profiles/profile-case-files';
import { scoreCase } from '../../pipeline/verdict/score-case';
import { upperMedian } from '../../shared/statistics';

/** The crops of real cases: case id → cell id → the cell's typed crops. */
export type RealCaseCrops = ReadonlyMap<string, ReadonlyMap<string, readonly TypedChromosomeImage[]>>;

/**
 * How many types each real case has at or above the model's threshold, scored as the app and the CLI
 * score a case (every cell, through the crop path and scoreCase). On normal cases, as all of pki3's are,
 * every one is a false flag: what a reviewer wades through per case.
 */
export async function flaggedTypesPerCase(model: HomNetModel, cases: RealCaseCrops): Promise<number[]> {
  const counts: number[] = [];
  for (const [caseId, cells] of cases) {
    const profiled = [...cells].map(([cellId, crops]) => caseCellFromCrops(cellId, cellId, crops));
    const scored = await scoreCase(model, { id: caseId, cells: profiled, errors: [] });
    counts.push(scored.types.filter((t) => t.abnormal === true).length);
  }
  return counts;
}

export interface FalseFlagSummary {
  readonly cases: number;
  readonly flags: number;
  /** Cases without a single flag. */
  readonly none: number;
  /** The upper median for an even number of cases (a whole number of flags). */
  readonly median: number;
  readonly max: number;
}

export function summariseFalseFlags(counts: readonly number[]): FalseFlagSummary {
  return {
    cases: counts.length,
    flags: counts.reduce((sum, n) => sum + n, 0),
    none: counts.filter((n) => n === 0).length,
    median: counts.length === 0 ? 0 : upperMedian(counts),
    max: Math.max(0, ...counts),
  };
}
