import { straighteningDoubtTexts } from '../../pipeline/verdict/chromosome-doubts';
import type { CellTypeView } from '../../worker/analysis-api';

/** A homolog of a pair whose straightening is doubtful, in the reviewer's words. */
export interface StraighteningNote {
  /** 0 or 1. */
  readonly homolog: number;
  readonly text: string;
}

/**
 * What the pair view and the report say about a cell's homologs whose straightening is doubtful (folded,
 * hooked, arms touching: imaging/profile/axis-coverage; chromatids that disagree:
 * imaging/profile/chromatid-agreement), whose metaphase cut-out may hold part of a
 * neighbour (imaging/metaphase/box-cut-outs) or whose type the classifier was unsure of (a metaphase
 * arranged without annotation), and whether the verdict left the pair out.
 */
export function straighteningNotes(view: CellTypeView): StraighteningNote[] {
  const leftOut = view.leftOut ? '; this pair is left out of the verdict' : '';
  return view.chromosomes.slice(0, 2).flatMap((c, homolog) => {
    const doubts = [
      ...straighteningDoubtTexts(c),
      ...(c.cutOutDoubt !== undefined ? [`cut-out doubtful (${c.cutOutDoubt})`] : []),
      ...(c.typeDoubt !== undefined ? [`type doubtful (${c.typeDoubt})`] : []),
    ];
    return doubts.length > 0
      ? [{ homolog, text: `homolog ${String(homolog + 1)}: ${doubts.join('; ')}${leftOut}` }]
      : [];
  });
}

/**
 * The cell's homologs straightened along a centre line the reviewer drew (their straightening is not
 * doubted; the chromatid figure says how well the line runs down the middle, about 1 when it does).
 */
export function drawnCentreLineNotes(view: CellTypeView): string[] {
  return view.chromosomes
    .slice(0, 2)
    .flatMap((c, homolog) =>
      c.manualCentreLine
        ? [
            `homolog ${String(homolog + 1)}: straightened along the reviewer's centre line` +
              (c.chromatidDisagreement !== undefined
                ? ` (chromatid disagreement ${c.chromatidDisagreement.toFixed(1)})`
                : ''),
          ]
        : [],
    );
}
