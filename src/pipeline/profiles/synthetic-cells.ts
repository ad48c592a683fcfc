import type { KaryogramAnalysis } from '../../imaging/profile/analyse-karyogram';
import { analyseKaryogram } from '../../imaging/profile/analyse-karyogram';
import type { SyntheticCell } from '../../karyotype/synthetic-case';
import { withChromatidDisagreement } from './case-chromosomes';
import type { ProfiledCaseCell } from './profiled-case';

/**
 * A generated cell read back by the image pipeline from its karyogram image, as a dropped karyogram
 * would be (its truth stays with the generator): for measurements and tests that score synthetic cases.
 */
export async function profileSyntheticCell(
  cell: SyntheticCell,
): Promise<{ profiled: ProfiledCaseCell; analysis: KaryogramAnalysis }> {
  const analysis = await analyseKaryogram(cell.karyogram.image);
  return {
    analysis,
    profiled: {
      id: cell.id,
      source: cell.id,
      bandLevel: analysis.bandLevel,
      chromosomes: withChromatidDisagreement(analysis.chromosomes),
      warnings: analysis.warnings,
    },
  };
}

/** Every cell of a synthetic case through {@link profileSyntheticCell}, in order. */
export async function profileSyntheticCells(cells: readonly SyntheticCell[]): Promise<ProfiledCaseCell[]> {
  const profiled: ProfiledCaseCell[] = [];
  for (const cell of cells) profiled.push((await profileSyntheticCell(cell)).profiled);
  return profiled;
}
