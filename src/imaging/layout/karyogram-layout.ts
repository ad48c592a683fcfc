import type { ChromosomeType } from '../../shared/chromosome-types';
import type { BackgroundEstimate } from '../segment/background';
import type { BinaryMask, PixelBox } from '../segment/mask';

/** How the slots of a row were found, most trustworthy first. */
export type SlotMethod = 'baselines' | 'labels' | 'gaps';

/** One chromosome found in a karyogram. */
export interface LocatedChromosome {
  readonly type: ChromosomeType;
  /** 0 for the leftmost of its type, 1 for the next, 2 for a third copy. */
  readonly homolog: number;
  /** Bounding box in image pixels (`x1`, `y1` exclusive). */
  readonly box: PixelBox;
  /** Object pixels, relative to `box`. */
  readonly mask: BinaryMask;
  /** Object pixels, count. */
  readonly area: number;
  /** How sure the type and outline are, [0, 1]; low values are reported, not hidden. */
  readonly confidence: number;
  /** Row index (0 = top) and slot index within the row. */
  readonly row: number;
  readonly slot: number;
  /** True when it was cut off a blob of touching chromosomes. */
  readonly split: boolean;
  /** How many blobs make it up (more than 1 for a broken chromosome). */
  readonly parts: number;
}

/** Everything layout parsing found in a karyogram. */
export interface KaryogramLayout {
  readonly width: number;
  readonly height: number;
  /** Chromosomes in karyogram order (type, then homolog). */
  readonly chromosomes: LocatedChromosome[];
  readonly background: BackgroundEstimate;
  /** Typical chromosome width, pixels. */
  readonly chromosomeWidth: number;
  /** Rows found, top first, with the method that found their slots. */
  readonly rows: { y0: number; y1: number; slotMethod: SlotMethod }[];
  /** Things a reviewer should know: unusual counts, splits, ignored objects. */
  readonly warnings: string[];
}
