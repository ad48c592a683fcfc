import type { AnalysedChromosome } from '../../imaging/profile/analyse-karyogram';
import { relativeChromatidDisagreement } from '../../imaging/profile/chromatid-agreement';
import type { CaseChromosome } from './profiled-case';

/** What a case cell keeps of a chromosome found in an image (a karyogram's, an arranged metaphase's). */
export type FoundChromosome = Pick<
  CaseChromosome,
  'type' | 'homolog' | 'profile' | 'samples' | 'straightened' | 'confidence'
> &
  Required<Pick<CaseChromosome, 'axisCoverage' | 'axisPicture' | 'box'>>;

/** A found chromosome as a case cell holds it: what the model, the review screen and the saved case read. */
export function keptChromosome(c: FoundChromosome): CaseChromosome {
  return {
    type: c.type,
    homolog: c.homolog,
    profile: c.profile,
    samples: c.samples,
    straightened: c.straightened,
    confidence: c.confidence,
    axisCoverage: c.axisCoverage,
    axisPicture: c.axisPicture,
    box: c.box,
  };
}

/** A cell's chromosomes with their chromatid disagreement measured against each other. */
export function withChromatidDisagreement(chromosomes: readonly CaseChromosome[]): CaseChromosome[] {
  const disagreement = relativeChromatidDisagreement(chromosomes);
  return chromosomes.map((c, i) => ({ ...c, chromatidDisagreement: disagreement[i] ?? 1 }));
}

/** An analysed karyogram's chromosomes as a case cell holds them, their chromatids measured against each other. */
export function karyogramChromosomes(chromosomes: readonly AnalysedChromosome[]): CaseChromosome[] {
  return withChromatidDisagreement(chromosomes.map(keptChromosome));
}
