import type { HomNetModel } from '../../model';
import type { CasePlan } from '../../imaging/case-input/case-input-plan';
import type { FileError, ProfiledCaseCell } from '../../pipeline/profiled-case';
import { profileCase } from '../../pipeline/profile-case';
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

/** Profiles a planned case cell by cell (reporting each), then scores every type in one model call. */
export async function runCase(
  model: HomNetModel,
  backend: string,
  plan: CasePlan,
  options: RunCaseOptions,
): Promise<StoredCase> {
  const stages = new Map<string, CellStage>(plan.cells.map((cell) => [cell.id, 'queued']));
  const report = (phase: JobProgress['phase']): void => {
    const progress: JobProgress = {
      phase,
      caseName: options.name,
      cells: [...stages].map(([id, stage]) => ({ id, stage })),
    };
    void Promise.resolve(options.onProgress(progress)).catch(() => undefined);
  };
  const cells: ProfiledCaseCell[] = [];
  const errors: FileError[] = [];
  for (const cell of plan.cells) {
    stages.set(cell.id, 'imaging');
    report('imaging');
    await breathe();
    options.signal.throwIfAborted();
    const profiled = await profileCase(
      { ...plan, cells: [cell] },
      {
        signal: options.signal,
        onStage: (_id, stage) => {
          stages.set(cell.id, stage);
          report('imaging');
        },
      },
    );
    cells.push(...profiled.cells);
    errors.push(...profiled.errors);
    stages.set(cell.id, profiled.cells.length > 0 ? 'done' : 'failed');
  }
  report('scoring');
  await breathe();
  options.signal.throwIfAborted();
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
  report('saving');
  return stored;
}
