import type { HomNetModel } from '../../model/homnet-model';
import { cellFiles, type CasePlan } from '../../imaging/case-input/case-input-plan';
import type { FileError, ProfiledCaseCell } from '../../pipeline/profiles/profiled-case';
import { CasePixelBudget } from '../../pipeline/profiles/case-pixel-budget';
import { profileCase } from '../../pipeline/profiles/profile-case-files';
import type { CaseOrigin, CellStage, InputFile, JobProgress, ProgressListener } from '../analysis-api';
import type { StoredCase } from './stored-case';
import { scoreTypes } from './stored-case';

/** Lets queued messages (a cancel) in between cells: a macrotask, not a microtask. */
const breathe = (): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, 0);
  });

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
  readonly onProgress: ProgressListener;
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

/** Least time between two progress messages of the same phase, milliseconds. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Progress of a job over a plan's cells. Each message lists every cell, so messages are sent at most
 * every {@link PROGRESS_INTERVAL_MS} within a phase (and always when the phase changes): a message per
 * cell stage made the page's work quadratic in the cells.
 */
export function cellProgress(plan: CasePlan, name: string, onProgress: ProgressListener): CellProgress {
  const stages = new Map<string, CellStage>(plan.cells.map((cell) => [cell.id, 'queued']));
  let lastPhase: JobProgress['phase'] | null = null;
  let lastSent = -Infinity;
  return {
    setStage(cellId, stage) {
      stages.set(cellId, stage);
    },
    report(phase) {
      const now = performance.now();
      if (phase === lastPhase && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastSent = now;
      const progress: JobProgress = {
        phase,
        caseName: name,
        cells: [...stages].map(([id, stage]) => ({ id, stage })),
      };
      void Promise.resolve(onProgress(progress)).catch(() => undefined);
    },
  };
}

/** Profiles a plan's cells one by one (reporting each); cells that fail are named in `errors`. */
export async function profilePlannedCells(
  plan: CasePlan,
  progress: CellProgress,
  signal: AbortSignal,
): Promise<{ cells: ProfiledCaseCell[]; errors: FileError[] }> {
  const cells: ProfiledCaseCell[] = [];
  const errors: FileError[] = [];
  // One budget for the whole plan: cells are profiled one call each.
  const pixelBudget = new CasePixelBudget();
  for (const cell of plan.cells) {
    progress.setStage(cell.id, 'imaging');
    progress.report('imaging');
    await breathe();
    signal.throwIfAborted();
    const profiled = await profileCase(
      { ...plan, cells: [cell] },
      {
        signal,
        pixelBudget,
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
  progress.report('scoring');
  await breathe();
  signal.throwIfAborted();
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
  const progress = cellProgress(plan, options.name, options.onProgress);
  const { cells, errors } = await profilePlannedCells(plan, progress, options.signal);
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
