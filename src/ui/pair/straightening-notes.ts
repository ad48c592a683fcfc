import { straighteningDoubtful } from '../../imaging/profile/axis-coverage';
import type { CellTypeView } from '../../worker/analysis-api';

/** A homolog of a pair whose straightening is doubtful, in the reviewer's words. */
export interface StraighteningNote {
  /** 0 or 1. */
  readonly homolog: number;
  readonly text: string;
}

/**
 * What the pair view and the report say about a cell's homologs whose straightening is doubtful (folded,
 * hooked, arms touching; imaging/profile/axis-coverage), and whether the verdict left the pair out.
 */
export function straighteningNotes(view: CellTypeView): StraighteningNote[] {
  return view.chromosomes.slice(0, 2).flatMap((c, homolog) =>
    c.axisCoverage !== undefined && straighteningDoubtful(c.axisCoverage)
      ? [
          {
            homolog,
            text:
              `homolog ${String(homolog + 1)}: folded or bent, straightened over about ` +
              `${String(Math.round(100 * c.axisCoverage))} % of its length` +
              (view.leftOut ? '; this pair is left out of the verdict' : ''),
          },
        ]
      : [],
  );
}
