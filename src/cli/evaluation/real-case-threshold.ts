import type { HomNetModel } from '../../model/homnet-model';
import type { LabCases } from '../common/training-labs';
import { readLabCrops, splitLabs } from '../common/training-labs';
import {
  cropCaseScores,
  metaphaseCaseScores,
  thresholdForFalseFlags,
  type CaseTypeScores,
} from './real-case-scores';

/** False flags per real normal case the shipped threshold allows, on each lab's validation patients. */
export const FALSE_FLAGS_PER_CASE = 0.3;

/** Each lab's validation patients' type scores, scored as the app scores their cases. */
export interface LabRealScores {
  readonly lab: string;
  readonly scores: CaseTypeScores;
}

/**
 * Every lab's validation patients (the split training made, by case with `seed`) scored as real cases:
 * annotated metaphases through the metaphase path, crop bundles through the crop path.
 */
export async function realValidationScores(
  model: HomNetModel,
  labs: readonly LabCases[],
  seed: number,
  validationFraction = 0.2,
): Promise<LabRealScores[]> {
  const out: LabRealScores[] = [];
  for (const lab of labs) {
    const { validation } = splitLabs([lab], validationFraction, seed);
    const scores = lab.metaphases
      ? await metaphaseCaseScores(
          model,
          lab.sourceDir,
          validation.map((c) => c.id.slice(lab.prefix.length)),
        )
      : await cropCaseScores(model, await readLabCrops([lab], validation));
    out.push({ lab: lab.lab, scores });
  }
  return out;
}

/**
 * The threshold for real cases: a case holds 23 types, so a threshold set on single bags (95 %
 * specificity) still flags about one normal type per case; this one is the lowest at which every lab's
 * validation patients average at most FALSE_FLAGS_PER_CASE false flags.
 */
export function realCaseThreshold(
  labs: readonly LabRealScores[],
  flagsPerCase = FALSE_FLAGS_PER_CASE,
): number {
  return thresholdForFalseFlags(
    labs.map((l) => l.scores),
    flagsPerCase,
  );
}
