import { join } from 'node:path';
import { prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { readFolderAsVirtualFiles } from '../../imaging/case-input/read-folder.node.js';
import type { HomNetModel } from '../../model/homnet-model';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import { scoreCase, type ScoredCase } from '../../pipeline/verdict/score-case';
import type { RealCaseCrops } from './real-case-flags';
import { caseCellFromCrops } from '../../pipeline/profiles/profile-case-files';

/**
 * Each real case's type scores, as the app scores the case; types that cannot flag are left out (no
 * scored pair, or unreliable: every pair doubtful).
 */
export type CaseTypeScores = readonly (readonly number[])[];

/** The scores of a scored case's types that can flag (see CaseTypeScores). */
function flaggableScores(scored: ScoredCase): number[] {
  return scored.types.flatMap((t) => (t.score === null || (t.unreliable ?? null) !== null ? [] : [t.score]));
}

/** Crop-bundle cases (pki3) scored as the app scores a crop folder: every cell through the crop path. */
export async function cropCaseScores(model: HomNetModel, cases: RealCaseCrops): Promise<CaseTypeScores> {
  const out: number[][] = [];
  for (const [caseId, cells] of cases) {
    const profiled = [...cells].map(([cellId, crops]) => caseCellFromCrops(cellId, cellId, crops));
    const scored = await scoreCase(model, { id: caseId, cells: profiled, errors: [] });
    out.push(flaggableScores(scored));
  }
  return out;
}

/**
 * Patients of a folder of annotated metaphases (`<dir>/<patient>/<cell>.jpg` with `.xml`) scored as the
 * app and `analyze` score them: every metaphase cut out, straightened and profiled, doubtful cut-outs
 * left out where other cells have the pair, every type in one model call.
 */
export async function metaphaseCaseScores(
  model: HomNetModel,
  metaphaseDir: string,
  patients: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<CaseTypeScores> {
  const out: number[][] = [];
  for (const [i, patient] of patients.entries()) {
    const plan = await prepareCaseInput(await readFolderAsVirtualFiles(join(metaphaseDir, patient)));
    const planned = plan.cases[0];
    if (planned !== undefined) {
      const scored = await scoreCase(model, await profileCase(planned));
      out.push(flaggableScores(scored));
    }
    onProgress?.(i + 1, patients.length);
  }
  return out;
}

/** Flags per case at a threshold (a type flags at or above it). */
export function flagsPerCase(scores: CaseTypeScores, threshold: number): number[] {
  return scores.map((types) => types.filter((s) => s >= threshold).length);
}

/**
 * The lowest threshold at which every lab's real normal cases get at most `flagsPerCase` false flags on
 * average: per lab, just above its (k+1)-th highest type score, k = ⌊flagsPerCase × cases⌋, so that at
 * most k of its types reach it; the highest of the labs' thresholds.
 */
export function thresholdForFalseFlags(labs: readonly CaseTypeScores[], flagsPerCaseTarget: number): number {
  let threshold = 0;
  for (const scores of labs) {
    const all = scores.flat().sort((a, b) => b - a);
    const allowed = Math.floor(flagsPerCaseTarget * scores.length);
    const firstRefused = all[allowed];
    if (firstRefused !== undefined) threshold = Math.max(threshold, nextAbove(firstRefused));
  }
  return threshold;
}

/** The smallest float32-safe step above a score (scores are rounded to 4 digits in reports). */
const nextAbove = (score: number): number => Math.min(1, score + 1e-6);
