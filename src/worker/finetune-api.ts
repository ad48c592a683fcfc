import type { ValidationFigures } from '../model/eval/validation-figures';
import type { ChromosomeType } from '../shared/chromosome-types';
import type { CollisionChoice } from './finetune/model-import-plan';

/** A case picked from the worklist, with the reviewer's latest decisions ('unsure' left out). */
export interface FineTuneCase {
  readonly caseId: string;
  readonly labels: Readonly<Partial<Record<ChromosomeType, 'abnormal' | 'normal'>>>;
}

/** What a lab may set; the defaults are FINE_TUNE_RECIPE's (a small machine may take fewer steps). */
export interface FineTuneSettings {
  /** Share of the cases fine-tuned on, (0, 1); the others are held back and scored before and after. */
  readonly tuningShare: number;
  readonly steps: number;
  /** Bags per step. */
  readonly batch: number;
  /** Bags scored on the held-back cases before and after. */
  readonly evaluationBags: number;
  /** Bags from the tuning cases for early stopping and the new threshold. */
  readonly earlyStoppingBags: number;
  readonly seed: number;
}

export interface FineTuneRequest {
  readonly cases: readonly FineTuneCase[];
  readonly settings: FineTuneSettings;
}

export type FineTunePhase =
  'reading' | 'scoring-before' | 'training' | 'choosing-threshold' | 'scoring-after';

/** Pushed to the page while a fine-tuning job runs. */
export interface FineTuneProgress {
  readonly phase: FineTunePhase;
  readonly step: number;
  readonly maxSteps: number;
  /** Mean training loss since the last evaluation; null before the first. */
  readonly loss: number | null;
  /** Best early-stopping AUC so far; null before the first evaluation. */
  readonly bestAuc: number | null;
  readonly elapsedSeconds: number;
  /** Time left if training runs all its steps (early stopping may end it sooner); null until known. */
  readonly etaSeconds: number | null;
}

/** What a fine-tuned model was trained on: counts only, never images, names or case ids. */
export interface TrainingSummary {
  readonly fineTunedFrom: string;
  readonly cases: { readonly tuning: number; readonly heldBack: number };
  readonly cells: { readonly tuning: number; readonly heldBack: number };
  /** Reviewed types of the tuning cases by decision. */
  readonly labelledTypes: { readonly abnormal: number; readonly normal: number };
  readonly steps: number;
  readonly bestStep: number;
  readonly stoppedEarly: boolean;
  readonly learningRate: number;
  readonly backend: string;
  readonly seconds: number;
  /** AUC and F1 on the held-back cases, before (parent) and after. */
  readonly heldBack: {
    readonly before: { readonly auc: number; readonly f1: number };
    readonly after: { readonly auc: number; readonly f1: number };
  };
}

/** A model of this browser's lab (fine-tuned here or imported), as the model list shows it. */
export interface LabModelSummary {
  readonly id: string;
  readonly parentId: string | null;
  readonly createdAt: string;
  readonly threshold: number;
  readonly sha256: string;
  /** Null for a model that was not fine-tuned in the app (e.g. an imported shipped model). */
  readonly training: TrainingSummary | null;
}

/** What the page knows of an import that the worker does not: the shipped id and the lab's answer. */
export interface ModelImportRequest {
  readonly shippedId: string | null;
  /** The lab's answer when the file's id is already one of its models; without one nothing is replaced. */
  readonly onCollision?: CollisionChoice;
}

export interface ModelImportResult {
  /** As stored: its id is the file's, or a new one when the lab kept both. */
  readonly model: LabModelSummary;
  /** Whether a lab model of the same id was replaced (only ever on the lab's answer). */
  readonly replaced: boolean;
}

/** A fine-tuned model waiting for the lab's decision, with its figures against its parent. */
export interface FineTuneResult {
  readonly candidate: LabModelSummary;
  readonly before: ValidationFigures;
  readonly after: ValidationFigures;
}

/** Page-side callback for progress (a comlink proxy). */
export type FineTuneListener = (progress: FineTuneProgress) => void | Promise<void>;

/**
 * Per-lab fine-tuning and the lab's models. A fine-tuned model stays a candidate in the worker until the
 * lab keeps it (stored in IndexedDB) or discards it; switching models is the page's decision
 * (ModelWorkerApi.loadModel), never a side effect of training.
 */
export interface FineTuneWorkerApi {
  /** Fine-tunes a copy of the loaded model on the picked cases; the loaded model is not changed. */
  fineTune(jobId: string, request: FineTuneRequest, onProgress: FineTuneListener): Promise<FineTuneResult>;
  /** Stops a running fine-tuning at the next step; it rejects with an AbortError. */
  cancelFineTune(jobId: string): void;
  /** Stores the candidate among the lab's models. */
  keepCandidate(): Promise<LabModelSummary>;
  discardCandidate(): void;
  listLabModels(): Promise<LabModelSummary[]>;
  /** A lab model, or the loaded model by its id, as one file (see model/weights/model-file.ts). */
  exportModelFile(id: string): Promise<{ readonly name: string; readonly text: string }>;
  /**
   * Checks a model file completely (checksum included) and says what it claims, storing nothing: the lab
   * sees the claims before deciding (a refusal is a clear message).
   */
  readModelFile(name: string, text: string): Promise<LabModelSummary>;
  /**
   * Checks a model file again and stores it as planImport says: a taken lab id only with the lab's
   * answer, the shipped model's id never (refused with a clear message).
   */
  importModelFile(name: string, text: string, request: ModelImportRequest): Promise<ModelImportResult>;
  deleteLabModel(id: string): Promise<void>;
}
