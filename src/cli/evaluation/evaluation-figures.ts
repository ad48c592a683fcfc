import type { NotRun } from './ablations';
import type { BudgetRow } from './budgets';
import type { LabReport } from './by-lab';
import type { CellCountFigures } from './cell-counts';
import type { FalseFlagSummary } from './real-case-flags';
import type { KaryogramSection } from './karyogram-section';
import type { RocPoint } from '../../model/eval/metrics';
import type { LengthGroupFigures, MethodFigures } from './report';

/** One method's figures on every evaluation set, in the order of `EvaluationFigures.sets`. */
export interface MethodRow {
  readonly method: string;
  /** null where the method has no figures for a set. */
  readonly figures: readonly (MethodFigures | null)[];
}

/** HomNet's recall at the shipped threshold on the abnormal bags of one kind and change size. */
export interface KindRecall {
  /** Kind of change and size, e.g. "deleted (subtle)". */
  readonly kind: string;
  readonly found: number;
  readonly total: number;
}

/** A method's ROC curve on one image set. */
export interface SetRoc {
  readonly method: 'HomNet' | 'LR';
  readonly set: string;
  readonly points: readonly RocPoint[];
}

/**
 * Everything docs/evaluation.md reports, computed by evaluateModel and written out by renderEvaluation:
 * plain numbers and labels, so that the page can be rendered (and tested) without a model.
 */
export interface EvaluationFigures {
  readonly modelId: string;
  /** The shipped threshold, a probability. */
  readonly threshold: number;
  /** How the threshold was chosen: the manifest's rule, or the single-bag rule of older models. */
  readonly thresholdRule: string;
  /** Seed of the case split into training and validation. */
  readonly seed: number;
  readonly bagsPerSet: number;
  /** The first lab's folder, relative to the working directory (the sections before "By lab"). */
  readonly dataDir: string;
  readonly validationCases: number;
  /** Where the shipped model's artificial changes were made (changesOf). */
  readonly shippedChanges: string;
  /** Set names in evaluation order: "image standard", …, "oblique subtle". */
  readonly sets: readonly string[];
  /** HomNet, HomNet w/o Bag, LR, then one row per ablation model. */
  readonly methods: readonly MethodRow[];
  /** On the image sets, sorted by kind. */
  readonly recall: readonly KindRecall[];
  /** Type flags per real (normal) validation case of the first lab. */
  readonly falseFlags: FalseFlagSummary;
  readonly labs: readonly LabReport[];
  /** HomNet then LR on each image set, for the ROC plot. */
  readonly rocs: readonly SetRoc[];
  readonly lengthGroups: LengthGroupFigures;
  readonly cellCounts: CellCountFigures;
  /** The shipped model first, then the ablation models. */
  readonly budgets: readonly BudgetRow[];
  /** Planned or requested ablation rows without figures. */
  readonly notRun: readonly NotRun[];
  /** Karyograms of other labs read as `analyze` reads them; null when no folder was surveyed. */
  readonly karyograms: KaryogramSection | null;
}
