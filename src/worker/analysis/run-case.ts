import type { HomNetModel } from '../../model/homnet-model';
import { cellFiles, type CasePlan } from '../../imaging/case-input/case-input-plan';
import { progressGate, type ProgressGate } from './progress-gate';
import type { FileError, ProfiledCaseCell } from '../../pipeline/profiles/profiled-case';
import { checkpointFor, type Checkpoint } from '../../imaging/profile/checkpoint';
import { CasePixelBudget } from '../../pipeline/profiles/case-pixel-budget';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import type { ClassifierValues } from '../../model/type-classifier/fetch-classifier';
import type { CaseOrigin, CellStage, InputFile, JobProgress, ProgressListener } from '../analysis-api';
import type { StoredCase } from './stored-case';
import { scoreTypes } from './stored-case';

export interface RunCaseOptions {
  readonly name: string;
  readonly origin: CaseOrigin;
  readonly karyotype?: string;
  /**
   * The input files kept with the case (to show and analyse it again after a reload); when absent, the
   * files of the cells that were analysed, read once their cells are done.
   */
  readonly files?: readonly InputFile[];
  readonly signal: AbortSignal;
  /** The job's checkpoint, shared by its cases; one of its own when absent. */
  readonly checkpoint?: Checkpoint;
  /** The job's progress gate, shared by its cases; one of its own when absent. */
  readonly progressGate?: ProgressGate;
  readonly onProgress: ProgressListener;
  /** Arranges metaphase images without annotation; without it they are refused. */
  readonly typeClassifier?: ClassifierValues;
}

/** A planned case none of whose cells could be analysed: no case is made, its files' reasons stand. */
export interface UnreadableCase {
  readonly unreadable: true;
  readonly errors: readonly FileError[];
}

/**
 * The files of the planned cells that gave at least one analysed cell (a multi-page TIFF gives cells
 * `<id>#<page>`), with their bytes: a case keeps what it can show, not the files it refused.
 */
export async function filesOfAnalysedCells(
  plan: CasePlan,
  cells: readonly ProfiledCaseCell[],
): Promise<InputFile[]> {
  const ids = new Set(cells.map((cell) => cell.id));
  const pageOwners = new Set(cells.map((cell) => cell.id.replace(/#\d+$/, '')));
  const gaveCells = (id: string): boolean => ids.has(id) || pageOwners.has(id);
  const files = plan.cells.filter((cell) => gaveCells(cell.id)).flatMap(cellFiles);
  const read: InputFile[] = [];
  for (const file of files) read.push({ path: file.path, bytes: await file.bytes() });
  return read;
}

/** Progress of a job over a plan's cells: each cell's stage, reported with the job's phase. */
export interface CellProgress {
  setStage(cellId: string, stage: CellStage): void;
  report(phase: JobProgress['phase']): void;
}

/**
 * Progress of a job over a plan's cells. Each message lists every cell; `gate` (the job's, shared by its
 * cases) lets one through at most every 100 ms: a message per cell stage made the page's work quadratic
 * in the cells, and one per case slowed a batch of many small cases.
 */
export function cellProgress(
  plan: CasePlan,
  name: string,
  onProgress: ProgressListener,
  gate: ProgressGate = progressGate(onProgress),
): CellProgress {
  const stages = new Map<string, CellStage>(plan.cells.map((cell) => [cell.id, 'queued']));
  return {
    setStage(cellId, stage) {
      stages.set(cellId, stage);
    },
    report(phase) {
      gate.send({ phase, caseName: name, cells: [...stages].map(([id, stage]) => ({ id, stage })) });
    },
  };
}

/**
 * Profiles a plan's cells one by one (reporting each); cells that fail are named in `errors`. Queued
 * messages (a cancel) are let in at `checkpoint`, between cells and within them: at most every 50 ms of
 * work rather than twice per cell (a timer per cell made 20,000 one-file cases take minutes).
 */
export async function profilePlannedCells(
  plan: CasePlan,
  progress: CellProgress,
  signal: AbortSignal,
  checkpoint: Checkpoint = checkpointFor(signal),
  classifier?: ClassifierValues,
): Promise<{ cells: ProfiledCaseCell[]; errors: FileError[] }> {
  const cells: ProfiledCaseCell[] = [];
  const errors: FileError[] = [];
  // One budget for the whole plan: cells are profiled one call each.
  const pixelBudget = new CasePixelBudget();
  // Variables on the backend of this moment, for this plan only: the backend may change between jobs.
  const typeClassifier = classifier
    ? { id: classifier.manifest.id, weights: new ClassifierWeights(classifier.values) }
    : undefined;
  try {
    for (const cell of plan.cells) {
      progress.setStage(cell.id, 'imaging');
      progress.report('imaging');
      await checkpoint();
      const profiled = await profileCase(
        { ...plan, cells: [cell] },
        {
          signal,
          pixelBudget,
          ...(typeClassifier ? { typeClassifier } : {}),
          onStage: (_id, stage) => {
            progress.setStage(cell.id, stage);
            progress.report('imaging');
          },
        },
      );
      cells.push(...profiled.cells);
      errors.push(...profiled.errors);
      progress.setStage(cell.id, profiled.cells.length > 0 ? 'done' : 'failed');
    }
  } finally {
    typeClassifier?.weights.dispose();
  }
  progress.report('scoring');
  await checkpoint();
  return { cells, errors };
}

/**
 * Profiles a planned case cell by cell (reporting each), then scores every type in one model call. A
 * case none of whose cells could be analysed is no case: it comes back as {@link UnreadableCase}.
 */
export async function runCase(
  model: HomNetModel,
  backend: string,
  plan: CasePlan,
  options: RunCaseOptions,
): Promise<StoredCase | UnreadableCase> {
  const progress = cellProgress(plan, options.name, options.onProgress, options.progressGate);
  const { cells, errors } = await profilePlannedCells(
    plan,
    progress,
    options.signal,
    options.checkpoint,
    options.typeClassifier,
  );
  if (cells.length === 0) return { unreadable: true, errors };
  const stored: StoredCase = {
    id: crypto.randomUUID(),
    name: options.name,
    origin: options.origin,
    ...(options.karyotype === undefined ? {} : { karyotype: options.karyotype }),
    files: options.files ?? (await filesOfAnalysedCells(plan, cells)),
    profiled: { id: plan.id, cells, errors },
    excluded: [],
    verdicts: [],
    details: new Map(),
    typeErrors: new Map(),
    model: { id: model.info.id, sha256: model.info.sha256, threshold: model.info.threshold },
    regionSamples: model.architecture.mergeRange,
    backend,
    analysedAt: new Date().toISOString(),
  };
  await scoreTypes(model, backend, stored);
  progress.report('saving');
  return stored;
}
