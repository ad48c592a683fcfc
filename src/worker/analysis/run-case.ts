import type { HomNetModel } from '../../model/homnet-model';
import type { CasePlan } from '../../imaging/case-input/case-input-plan';
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
  readonly files: readonly InputFile[];
  readonly signal: AbortSignal;
  readonly onProgress: ProgressListener;
}

/** Progress of a job over a plan's cells: each cell's stage, reported with the job's phase. */
export interface CellProgress {
  setStage(cellId: string, stage: CellStage): void;
  report(phase: JobProgress['phase']): void;
}

export function cellProgress(plan: CasePlan, name: string, onProgress: ProgressListener): CellProgress {
  const stages = new Map<string, CellStage>(plan.cells.map((cell) => [cell.id, 'queued']));
  return {
    setStage(cellId, stage) {
      stages.set(cellId, stage);
    },
    report(phase) {
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

/** Profiles a planned case cell by cell (reporting each), then scores every type in one model call. */
export async function runCase(
  model: HomNetModel,
  backend: string,
  plan: CasePlan,
  options: RunCaseOptions,
): Promise<StoredCase> {
  const progress = cellProgress(plan, options.name, options.onProgress);
  const { cells, errors } = await profilePlannedCells(plan, progress, options.signal);
  const stored: StoredCase = {
    id: crypto.randomUUID(),
    name: options.name,
    origin: options.origin,
    ...(options.karyotype === undefined ? {} : { karyotype: options.karyotype }),
    files: options.files,
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
