import type { ChromosomeType } from '../../shared/chromosome-types';
import type { GrayImage } from '../../shared/gray-image';
import type { ChromosomeProfile } from '../../shared/profile';
import type { AxisPicture } from '../../imaging/profile/axis-picture';
import type { Point } from '../../imaging/segment/mask';
import type { BandLevelEstimate } from '../../imaging/profile/band-level';

/** A chromosome of a cell as the pipeline hands it to the model and to the review screen. */
export interface CaseChromosome {
  readonly type: ChromosomeType;
  /** 0 and 1 for a pair, 2 for a third copy. */
  readonly homolog: number;
  /** 2 × 512 darkness from p-ter, zero after q-ter. */
  readonly profile: ChromosomeProfile;
  /** Samples before the zero padding. */
  readonly samples: number;
  /** Resampled along the medial axis, p-arm up. */
  readonly straightened: GrayImage;
  /** How sure the type assignment is, [0, 1] (1 for named crop files). */
  readonly confidence: number;
  /**
   * How much of the chromosome its straightening axis covers, relative to the cell's other chromosomes
   * (about 1; below DOUBTFUL_AXIS_COVERAGE it missed a fold or a hook). Absent in cases saved before it was
   * measured.
   */
  readonly axisCoverage?: number;
  /**
   * How much its two chromatids' profiles disagree, relative to the cell's typical chromosome (about 1;
   * from DOUBTFUL_CHROMATID_DISAGREEMENT on, its centre line did not run down its middle). Absent in cases
   * saved before it was measured.
   */
  readonly chromatidDisagreement?: number;
  /**
   * Its cut-out with the straightening axis over it (p-ter first), for the reviewer to check how it was
   * straightened. Absent in cases saved before it was kept.
   */
  readonly axisPicture?: AxisPicture;
  /**
   * Why its cut-out may hold part of another object (a metaphase chromosome touching or crossing another,
   * see cutOutBoxes); its pairs are then left out of the verdict where other cells have the type. Absent
   * when it stands free, and for karyograms and crops.
   */
  readonly cutOutDoubt?: string;
  /**
   * Why its type may be wrong: a metaphase arranged without annotation, where the type classifier was not
   * sure enough of it (see arranged-metaphase-cell); its pairs are then left out of the verdict where
   * other cells have the pair. Absent when the type is the annotator's, the layout's or a sure one.
   */
  readonly typeDoubt?: string;
  /**
   * The reviewer's centre line, when one replaced the automatic axis (its profile, straightened image and
   * axis picture then follow it); absent while the automatic one stands.
   */
  readonly manualCentreLine?: ManualCentreLine;
  /** Where it lies in a karyogram or metaphase image (pixels), absent for crops. */
  readonly box?: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
}

/** A centre line drawn by the reviewer, with what Undo goes back to. */
export interface ManualCentreLine {
  /** The reviewer's points in the axis picture's pixels, p-ter first (the line is a smooth curve through them). */
  readonly points: readonly Point[];
  /** Earlier reviewer's lines of this chromosome, oldest first: Undo goes back to the last one. */
  readonly earlier: readonly (readonly Point[])[];
  /** The automatic axis (axis picture pixels, p-ter first) and its figures, which Undo restores at the end. */
  readonly automatic: {
    readonly axis: readonly Point[];
    readonly axisCoverage?: number;
    readonly chromatidDisagreement?: number;
  };
}

/** One cell of a case after imaging. */
export interface ProfiledCaseCell {
  readonly id: string;
  /** The karyogram file or crop folder it came from. */
  readonly source: string;
  readonly bandLevel: BandLevelEstimate;
  readonly chromosomes: readonly CaseChromosome[];
  readonly warnings: readonly string[];
  /**
   * Present when the chromosomes' types were assigned automatically (a metaphase without annotation): by
   * which type classifier, and the sex complement the cell was read as. Absent when a karyogram's layout,
   * an annotation or crop names gave them.
   */
  readonly typesAssigned?: AutomaticTypes;
}

/** How a cell's types were assigned when nothing named them. */
export interface AutomaticTypes {
  /** The type classifier's id (`type-classifier-…`). */
  readonly classifier: string;
  readonly sex: 'XX' | 'XY';
}

/** A file that could not be used, and why (shown to the user, printed by the CLI). */
export interface FileError {
  readonly file: string;
  readonly message: string;
}

/** A case after imaging: its cells and every file that was rejected on the way. */
export interface ProfiledCase {
  readonly id: string;
  readonly cells: readonly ProfiledCaseCell[];
  readonly errors: readonly FileError[];
}
