import type { BandLevel, ChromosomeType } from '../shared/chromosome-types';
import type { GrayImage } from '../shared/gray-image';
import type { AxisPicture } from '../imaging/profile/axis-picture';
import type { PixelBox, Point } from '../imaging/segment/mask';
import type { HeadAttention } from '../model/prediction';
import type { CaseDocument } from '../pipeline/analysis-json';
import type { AutomaticTypes, FileError } from '../pipeline/profiles/profiled-case';
import type { TypeVerdict } from '../pipeline/verdict/score-case';

/** A file handed to the worker; its buffer is transferred, not copied. */
export interface InputFile {
  /** `/`-separated path relative to what was dropped (see imaging/case-input/virtual-file.ts). */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Where a case came from. */
export type CaseOrigin = 'demo' | 'files' | 'teaching' | 'import';

/** Stage of one cell while a job runs; layout, profiles and band-level are the imaging steps of a karyogram. */
export type CellStage = 'queued' | 'imaging' | 'layout' | 'profiles' | 'band-level' | 'done' | 'failed';

/** A job's state, pushed to the page after every step. */
export interface JobProgress {
  readonly phase: 'reading' | 'generating' | 'imaging' | 'scoring' | 'saving' | 'done';
  readonly caseName: string;
  readonly cells: readonly { readonly id: string; readonly stage: CellStage }[];
}

export interface CellSummary {
  readonly id: string;
  readonly source: string;
  readonly bandLevel: BandLevel;
  /** [0, 1]; 1 when the reviewer set it. */
  readonly bandLevelConfidence: number;
  readonly bandLevelOverridden: boolean;
  readonly chromosomes: number;
  /** Excluded cells take no part in scoring. */
  readonly excluded: boolean;
  readonly warnings: readonly string[];
  /**
   * How its types were assigned when nothing named them (a metaphase arranged without annotation): the
   * type classifier's id and the sex complement read. Absent for karyograms, annotated metaphases and crops.
   */
  readonly typesAssigned?: AutomaticTypes;
}

/** Everything the page keeps about an analysed case: ids and numbers, never pixels or tensors. */
export interface CaseSummary {
  readonly id: string;
  readonly name: string;
  readonly origin: CaseOrigin;
  /** The ISCN karyotype of a synthetic case (demo, teaching). */
  readonly karyotype?: string;
  readonly analysedAt: string;
  readonly model: { readonly id: string; readonly sha256: string; readonly threshold: number };
  readonly backend: string;
  readonly cells: readonly CellSummary[];
  /** Verdicts over the cells that are not excluded (formats.md `types[]`). */
  readonly types: readonly TypeVerdict[];
  /**
   * How far the case calibration lowered every score, log-odds (0: not at all; absent in records saved
   * before it existed), see pipeline/verdict/case-calibration.
   */
  readonly scoreShift?: number;
  readonly errors: readonly FileError[];
  /** False for a case imported from JSON: verdicts only, no images to show. */
  readonly hasImages: boolean;
}

/** One chromosome of one cell as the pair view draws it. */
export interface ChromosomeView {
  /** 0 and 1 for a pair, 2 for a third copy. */
  readonly homolog: number;
  /** Straightened along the medial axis, p-arm up. */
  readonly image: GrayImage;
  /** 2 × 512 darkness in [0, 1] from p-ter (row 0 left half, row 1 right half). */
  readonly profile: Float32Array;
  /** Profile samples before the zero padding. */
  readonly samples: number;
  /** Type assignment confidence, [0, 1]. */
  readonly confidence: number;
  /** How much of it the straightening axis covers relative to its cell (about 1), when measured. */
  readonly axisCoverage?: number;
  /** How much its chromatids' profiles disagree relative to its cell (about 1), when measured. */
  readonly chromatidDisagreement?: number;
  /** Why its metaphase cut-out may hold part of another object (it touches or crosses it), when it may. */
  readonly cutOutDoubt?: string;
  /** Why its automatically assigned type may be wrong (a metaphase arranged without annotation), when it may. */
  readonly typeDoubt?: string;
  /**
   * The chromosome as found (its crop or karyogram cut-out, a few pixels of surroundings included) and its
   * straightening axis in that image's pixels, p-ter first; absent in cases saved before it was kept.
   */
  readonly axisPicture?: AxisPicture;
  /** Whether the reviewer can draw it a centre line (its picture was kept with what straightening needs). */
  readonly centreLineEditable: boolean;
  /** The reviewer's centre line, when one replaced the automatic axis. */
  readonly manualCentreLine?: {
    /** The reviewer's points, axis picture pixels, p-ter first. */
    readonly points: readonly Point[];
    /** Reviewer's lines before it that Undo goes back to (then to the automatic axis). */
    readonly earlierLines: number;
  };
}

/** What the model said about one cell's pair. */
export interface PairDetail {
  /** Bag weight α_i in (0, 1). */
  readonly alpha: number;
  /** attention[layer][head], 16 × 16 row-major each. */
  readonly attention: readonly (readonly HeadAttention[])[];
  /**
   * Per profile sample (p-ter first, one value per sample before the padding) of homolog 0 and 1, how
   * badly it matches the other homolog's banding in [0, 1], 1 = no counterpart (pipeline/profile-alignment):
   * the evidence the type's region is located from. Not persisted: views recompute it from the profiles.
   * (Named apart from the model's `difference`, the size of its per-region difference feature.)
   */
  readonly mismatch: readonly [Float32Array, Float32Array];
}

export interface CellTypeView {
  readonly cell: string;
  readonly bandLevel: BandLevel;
  /** Sorted by homolog; the first two make the pair. */
  readonly chromosomes: readonly ChromosomeView[];
  readonly pair: PairDetail | null;
  /**
   * The cell has a pair of this type but the verdict does not rest on it: its straightening or its cut-out
   * is doubtful and other cells have a pair without (pipeline/verdict/score-case, verdictPairs).
   */
  readonly leftOut: boolean;
}

/** One chromosome type of a case with everything the pair view shows. */
export interface TypeView {
  readonly caseId: string;
  readonly type: ChromosomeType;
  readonly verdict: TypeVerdict | null;
  readonly threshold: number;
  /** Samples of profile per model region (32 by default). */
  readonly regionSamples: number;
  readonly caseBandLevel: BandLevel;
  /** Cells that are not excluded, in case order. */
  readonly cells: readonly CellTypeView[];
}

/** Thumbnails of one cell for the karyogram overview. */
export interface OverviewImages {
  readonly cell: string;
  readonly types: readonly { readonly type: ChromosomeType; readonly images: readonly GrayImage[] }[];
}

/** One chromosome of a cell's arranged karyogram: its view and the type it is arranged under. */
export interface KaryogramChromosomeView extends ChromosomeView {
  readonly type: ChromosomeType;
  /** Whether a cut can part it in two (its picture was kept with what straightening needs). */
  readonly splittable: boolean;
  /** Whether it can be joined with another (it was found in an image: it has a box and a recipe). */
  readonly joinable: boolean;
  /** Where it lies in its cell's image, analysed pixels; absent for crops. */
  readonly box?: PixelBox;
}

/**
 * One cell as an arranged karyogram: every chromosome under its type, upright and p-arm up, with what
 * the reviewer needs to move, split, join or exclude it.
 */
export interface CellKaryogramView {
  readonly caseId: string;
  readonly cell: string;
  /** The file the cell was read from. */
  readonly source: string;
  /** Set when the types were assigned automatically (a metaphase arranged without annotation). */
  readonly typesAssigned?: AutomaticTypes;
  /** Every chromosome of the cell, in karyogram order (type, then homolog). */
  readonly chromosomes: readonly KaryogramChromosomeView[];
  /**
   * The cell's image as found (a metaphase, a karyogram), reduced for the screen: `scale` picture pixels
   * per analysed pixel, so that each chromosome's box × scale falls on it. Absent for crops.
   */
  readonly picture?: { readonly image: GrayImage; readonly scale: number };
}

/** A chromosome of a case, as corrections name it. */
export interface ChromosomeRef {
  readonly cell: string;
  readonly type: ChromosomeType;
  readonly homolog: number;
}

/** Fixes of the automatic reading; each re-analyses only the types it touches. */
export type Correction =
  | { readonly kind: 'move'; readonly chromosome: ChromosomeRef; readonly to: ChromosomeType }
  | { readonly kind: 'swap'; readonly cell: string; readonly type: ChromosomeType }
  | { readonly kind: 'flip'; readonly chromosome: ChromosomeRef }
  /** Straighten the chromosome again along a smooth line through `points` (axis picture pixels, p-ter first). */
  | { readonly kind: 'centre-line'; readonly chromosome: ChromosomeRef; readonly points: readonly Point[] }
  /** Undo the chromosome's last centre line: back to the reviewer's line before it, or to the automatic axis. */
  | { readonly kind: 'centre-line-undo'; readonly chromosome: ChromosomeRef }
  | { readonly kind: 'exclude-chromosome'; readonly chromosome: ChromosomeRef }
  /**
   * Part one object in two along a cut the reviewer drew across it (axis picture pixels, at least two
   * points, from edge to edge): two chromosomes the segmentation took for one. Each part is straightened
   * and typed again.
   */
  | { readonly kind: 'split'; readonly chromosome: ChromosomeRef; readonly cut: readonly Point[] }
  /**
   * Join two objects of one cell into one chromosome (one the segmentation broke in two, at a pale band or
   * the centromere): straightened and typed again as one.
   */
  | { readonly kind: 'join'; readonly chromosomes: readonly [ChromosomeRef, ChromosomeRef] }
  | { readonly kind: 'exclude-cell'; readonly cell: string; readonly excluded: boolean }
  | { readonly kind: 'band-level'; readonly cell: string; readonly level: BandLevel };

export interface CorrectionResult {
  readonly summary: CaseSummary;
  /** The types whose verdicts were computed again. */
  readonly rescored: readonly ChromosomeType[];
}

/** A synthetic case made in the worker from an ISCN karyotype (demo and teaching mode). */
export interface SyntheticRequest {
  readonly name: string;
  readonly origin: CaseOrigin;
  readonly karyotype: string;
  readonly cells: number;
  readonly level: BandLevel;
  readonly seed: number;
}

/** Page-side callback for progress (a comlink proxy). */
export type ProgressListener = (progress: JobProgress) => void | Promise<void>;

/**
 * The analysis part of the worker's API. Long jobs take a job id so that {@link cancel} can stop them
 * between cells; results stay in the worker (and its IndexedDB store) and the page asks for views.
 */
export interface AnalysisWorkerApi {
  /** Analyses dropped files (karyograms, crop bundles, zips); one summary per case found. */
  analyseFiles(
    jobId: string,
    files: readonly InputFile[],
    onProgress: ProgressListener,
  ): Promise<{ cases: CaseSummary[]; rejected: FileError[] }>;
  /** Generates the cells of an ISCN karyotype as karyogram images and analyses them like dropped files. */
  analyseSynthetic(
    jobId: string,
    request: SyntheticRequest,
    onProgress: ProgressListener,
  ): Promise<CaseSummary>;
  /**
   * Analyses more cells of an existing case (karyograms or crop folders, as for analyseFiles, whatever
   * case folders they come in) and scores every type again over all its cells; corrections and
   * exclusions stay. A cell whose id is taken gets a suffix. Run again with the same job id (after a
   * crash), it adds nothing twice.
   */
  addCells(
    jobId: string,
    caseId: string,
    files: readonly InputFile[],
    onProgress: ProgressListener,
  ): Promise<{ cases: CaseSummary[]; rejected: FileError[] }>;
  /** Stops a running job at the next cell; it rejects with an AbortError. */
  cancel(jobId: string): void;
  typeView(caseId: string, type: ChromosomeType): Promise<TypeView>;
  overview(caseId: string, cell?: string): Promise<OverviewImages>;
  correct(caseId: string, correction: Correction): Promise<CorrectionResult>;
  /** One cell (excluded or not) as an arranged karyogram; rejects for a cell the case does not have. */
  cellKaryogram(caseId: string, cell: string): Promise<CellKaryogramView>;
  /** The case as formats.md's `cases[]` entry (the CLI's schema). */
  caseDocument(caseId: string): Promise<CaseDocument>;
  /** Scores every type again with the loaded model (profiles are kept): for a case made by another model. */
  rescore(caseId: string): Promise<CorrectionResult>;
  deleteCase(caseId: string): Promise<void>;
}
