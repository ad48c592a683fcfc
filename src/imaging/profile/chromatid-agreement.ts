import type { ChromosomeProfile } from '../../shared/profile';
import { PROFILE_LENGTH } from '../../shared/profile';
import { median, pearson } from '../../shared/statistics';

/**
 * How far a chromosome's chromatids may disagree, relative to its cell's typical chromosome (see
 * relativeChromatidDisagreement), before its straightening is doubtful. Both chromatids of a chromosome
 * carry the same bands, and a structural change alters both alike, so the two halves' profiles agree on
 * any chromosome whose axis runs down its middle; an axis that hooks into one chromatid, runs diagonally
 * across splayed ones, loops round a pale interior or follows a pale chromosome's outline samples two
 * different things. Measured (`npx tsx research/pair-quality.ts`, shipped model, normal pairs only, every
 * flag false): at 4, on the 12 karyograms read of ../shared/data/karyograms, false flags per karyogram
 * 4.08 → 3.67 for 0.83 types per karyogram left without a reliable pair; on 56 pki3 validation cases 0.71
 * → 0.71 for 0.04 such types per case; on 62 tseng validation patients 0.68 → 0.63 (there the cut-outs
 * decide). At 3 the karyograms get 3.50 flags for 1.42 unreliable types and pki3 0.11 unreliable types,
 * but sound synthetic chromosomes (short, pale) start to cross it; at 2 pki3 loses 1.07 types per case.
 */
export const DOUBTFUL_CHROMATID_DISAGREEMENT = 4;

/**
 * A cell's typical disagreement is taken as at least this (1 − r): the few cells whose chromosomes agree
 * almost perfectly would otherwise call ordinary noise a failure.
 */
const MIN_TYPICAL_DISAGREEMENT = 0.05;

/**
 * Pearson correlation of a chromosome's left-half and right-half profiles over its samples (before the
 * zero padding): about 0.7–0.9 for a chromosome straightened down its middle, low or negative when the
 * two halves sample different things. 0 when either half is flat or there are fewer than 3 samples.
 */
export function chromatidAgreement(profile: ChromosomeProfile, samples: number): number {
  const n = Math.min(samples, PROFILE_LENGTH);
  if (n < 3) return 0;
  return pearson(profile.subarray(0, PROFILE_LENGTH), profile.subarray(PROFILE_LENGTH), n);
}

/**
 * Each chromosome's chromatid disagreement (1 − chromatidAgreement) divided by its cell's median, so that
 * a cell of small, blurred or noisy chromosomes (lower agreement throughout) is its own reference: about 1
 * for a typical chromosome, DOUBTFUL_CHROMATID_DISAGREEMENT and above where the centre line failed.
 * A cell of fewer than three chromosomes has no reference: every figure is 1.
 */
export function relativeChromatidDisagreement(
  chromosomes: readonly { readonly profile: ChromosomeProfile; readonly samples: number }[],
): number[] {
  if (chromosomes.length < 3) return chromosomes.map(() => 1);
  const disagreement = chromosomes.map((c) => 1 - chromatidAgreement(c.profile, c.samples));
  const typical = Math.max(MIN_TYPICAL_DISAGREEMENT, median(disagreement));
  return disagreement.map((d) => d / typical);
}

/** Whether a chromosome's chromatids disagree enough that its centre line failed; undefined is not measured. */
export function chromatidsDisagree(relativeDisagreement: number | undefined): boolean {
  return relativeDisagreement !== undefined && relativeDisagreement >= DOUBTFUL_CHROMATID_DISAGREEMENT;
}
