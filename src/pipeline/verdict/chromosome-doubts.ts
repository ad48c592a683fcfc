import { straighteningDoubtful } from '../../imaging/profile/axis-coverage';
import { chromatidsDisagree } from '../../imaging/profile/chromatid-agreement';
import type { CaseChromosome } from '../profiles/profiled-case';

/** The kinds of doubt a chromosome's profile can carry (a type whose pairs all carry one is unreliable). */
export type DoubtKind = 'straightening' | 'cut-out' | 'type assignment';

/**
 * What may be wrong with one chromosome's profile, each kind once, straightening first. A centre line the
 * reviewer drew is theirs to vouch for: its figures are still measured and shown, but never doubt it.
 */
export function chromosomeDoubts(c: CaseChromosome): DoubtKind[] {
  const doubts: DoubtKind[] = [];
  if (straighteningDoubtTexts(c).length > 0) doubts.push('straightening');
  if (c.cutOutDoubt !== undefined) doubts.push('cut-out');
  if (c.typeDoubt !== undefined) doubts.push('type assignment');
  return doubts;
}

/**
 * Why a chromosome's straightening is doubtful, in the reviewer's words (one phrase per reason), or
 * empty when it is not (and always for a centre line the reviewer drew): the axis covers only part of it (a fold, a hook), or its two chromatids' profiles
 * disagree (the centre line left the middle of the chromosome).
 */
export function straighteningDoubtTexts(
  c: Pick<CaseChromosome, 'axisCoverage' | 'chromatidDisagreement'> & { readonly manualCentreLine?: object },
): string[] {
  const texts: string[] = [];
  if (c.manualCentreLine !== undefined) return texts;
  if (c.axisCoverage !== undefined && straighteningDoubtful(c.axisCoverage))
    texts.push(
      `folded or bent, straightened over about ${String(Math.round(100 * c.axisCoverage))} % of its length`,
    );
  if (c.chromatidDisagreement !== undefined && chromatidsDisagree(c.chromatidDisagreement))
    texts.push(
      `its two chromatids' profiles disagree ${c.chromatidDisagreement.toFixed(1)} times as much as the ` +
        `cell's typical chromosome's (the centre line left its middle)`,
    );
  return texts;
}
