import { transfer } from 'comlink';
import type { HomNetModel } from '../../model/homnet-model';
import type { ClassifierValues } from '../../model/type-classifier/fetch-classifier';
import { caseDocument as toCaseDocument } from '../../pipeline/analysis-json';
import type { CasePlan } from '../../imaging/case-input/case-input-plan';
import { MAX_CASES_PER_DROP, prepareCaseInput } from '../../imaging/case-input/prepare-case-input';
import { virtualFile } from '../../imaging/case-input/virtual-file';
import type { FileError } from '../../pipeline/profiles/profiled-case';
import type { AnalysisWorkerApi, CaseSummary, Correction, ProgressListener } from '../analysis-api';
import type { ChromosomeType } from '../../shared/chromosome-types';
import { ClassifierWeights } from '../../model/type-classifier/classifier-network';
import { checkpointFor } from '../../imaging/profile/checkpoint';
import { probeGpuDeviceLoss } from '../../model/gpu-device';
import { dbDelete, dbGet, dbPut } from '../case-db';
import { GpuDeviceLostError } from '../health-api';
import { RecentCases } from './case-cache';
import { progressGate } from './progress-gate';
import { applyCorrection } from './corrections';
import {
  cellProgress,
  filesOfAnalysedCells,
  profilePlannedCells,
  runCase,
  type RunCaseOptions,
  type UnreadableCase,
} from './run-case';
import { withFreeCellIds } from './cell-ids';
import type { StoredCase } from './stored-case';
import { activeCells, checkStoredCase, scoreTypes, summaryOf } from './stored-case';
import { syntheticKaryogramFiles } from './synthetic-files';
import { cellKaryogramOf, overviewOf, TransferList, typeViewOf } from './views';
import { cellPicture, type CellPicture } from '../../pipeline/profiles/cell-picture';

/** The loaded model and the backend it runs on, owned by the model service. */
export interface ModelAccess {
  require(): HomNetModel;
  /** The shipped type classifier (metaphases without annotation are arranged with it), or null without one. */
  typeClassifier(): Promise<ClassifierValues | null>;
}

/**
 * Applies a correction; a split or a join types the objects it makes with the shipped classifier (its
 * variables made for this correction on the backend of the moment, then freed).
 */
async function correctedWith(
  stored: StoredCase,
  correction: Correction,
  models: ModelAccess,
): Promise<ChromosomeType[] | 'all'> {
  if (correction.kind !== 'split' && correction.kind !== 'join') return applyCorrection(stored, correction);
  const values = await models.typeClassifier();
  if (values === null) return applyCorrection(stored, correction);
  const classifier = { id: values.manifest.id, weights: new ClassifierWeights(values.values) };
  try {
    return await applyCorrection(stored, correction, { classifier });
  } finally {
    classifier.weights.dispose();
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Refused inputs (no cell could be read) listed in the worklist per job, each with its reasons; past
 * this, a job's further refusals are only named in its list of problems. Twenty thousand junk folders
 * would otherwise bury the worklist.
 */
export const MAX_REFUSED_CASES_PER_JOB = 20;

/**
 * The worklist entry of a refused input: no cells, no verdicts, nothing stored in the worker (there is
 * nothing to show), its files' reasons as errors.
 */
function refusedSummary(name: string, errors: readonly FileError[], model: HomNetModel): CaseSummary {
  return {
    id: crypto.randomUUID(),
    name,
    origin: 'files',
    analysedAt: new Date().toISOString(),
    model: { id: model.info.id, sha256: model.info.sha256, threshold: model.info.threshold },
    backend: model.backend.name,
    cells: [],
    types: [],
    errors,
    hasImages: false,
  };
}

/** Cases kept in worker memory: the open one and a few the reviewer may go back to (the rest stay in IndexedDB). */
const RECENT_CASES = 4;

/** Case analysis in the worker: jobs with progress and cancel, results kept here and in IndexedDB. */
export function createAnalysisService(models: ModelAccess): AnalysisWorkerApi {
  const jobs = new Map<string, AbortController>();
  const cache = new RecentCases<StoredCase>(RECENT_CASES);

  // Reads of a case not in memory, by case: calls that come while one is under way share it. Two reads of
  // one case would make two copies, and a correction applied to one would be lost when the other landed.
  const reading = new Map<string, Promise<StoredCase>>();
  const read = async (caseId: string): Promise<StoredCase> => {
    try {
      const saved = await dbGet<unknown>('results', caseId);
      // Saved while it was read (a job's result): what is in memory is newer than what was read.
      const meanwhile = cache.get(caseId);
      if (meanwhile) return meanwhile;
      if (saved === undefined) throw new Error(`case ${caseId} is not stored in this browser`);
      const stored = checkStoredCase(saved, caseId);
      cache.set(caseId, stored);
      return stored;
    } finally {
      reading.delete(caseId);
    }
  };
  const load = (caseId: string): Promise<StoredCase> => {
    const cached = cache.get(caseId);
    if (cached) return Promise.resolve(cached);
    const underWay = reading.get(caseId);
    if (underWay) return underWay;
    const next = read(caseId);
    reading.set(caseId, next);
    return next;
  };
  const save = async (stored: StoredCase): Promise<void> => {
    cache.set(stored.id, stored);
    await dbPut('results', stored.id, stored);
  };
  const deleteResults = async (caseId: string): Promise<void> => {
    cache.delete(caseId);
    await dbDelete('results', caseId).catch(() => undefined);
  };
  const backendName = (model: HomNetModel): string => model.backend.name;
  // Cells' pictures, decoded again from their files once and kept for the next views (a correction asks
  // again): a spread is 1–2 MB decoded, so only the few last are kept.
  const pictures = new RecentCases<CellPicture | null>(4);
  const pictureOf = (stored: StoredCase, cellId: string): CellPicture | null => {
    const key = `${stored.id}\n${cellId}`;
    if (pictures.has(key)) return pictures.get(key) ?? null;
    const cell = stored.profiled.cells.find((c) => c.id === cellId);
    let picture: CellPicture | null = null;
    try {
      picture = cell ? cellPicture(stored.files, cell) : null;
    } catch {
      // Its file decoded when the case was analysed; if it no longer does, the karyogram shows without it.
      picture = null;
    }
    pictures.set(key, picture);
    return picture;
  };

  const withJob = async <T>(jobId: string, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      return await run(controller.signal);
    } catch (error) {
      // A job that failed because the GPU device is gone is said to be so, so that the page re-runs it
      // on a new worker instead of reporting the failure (or a cancel: mapAsync rejects with AbortError).
      const lost = await probeGpuDeviceLoss();
      throw lost === null ? error : new GpuDeviceLostError(lost);
    } finally {
      jobs.delete(jobId);
    }
  };

  /** Analyses and saves one planned case; an unreadable one (no cell analysed) is neither made nor saved. */
  const analysePlan = async (
    plan: CasePlan,
    options: RunCaseOptions,
  ): Promise<CaseSummary | UnreadableCase> => {
    const model = models.require();
    const classifier = await models.typeClassifier();
    const result = await runCase(model, backendName(model), plan, {
      ...options,
      ...(classifier ? { typeClassifier: classifier } : {}),
    });
    if ('unreadable' in result) return result;
    await save(result);
    // Through the job's gate, so that it never overtakes a state the gate still holds.
    (options.progressGate ?? progressGate(options.onProgress)).send({
      phase: 'done',
      caseName: options.name,
      cells: [],
    });
    return summaryOf(result);
  };

  const progressOf = (onProgress: ProgressListener, name: string, phase: 'reading' | 'generating'): void => {
    void Promise.resolve(onProgress({ phase, caseName: name, cells: [] })).catch(() => undefined);
  };

  return {
    analyseFiles(jobId, files, onProgress) {
      return withJob(jobId, async (signal) => {
        progressOf(onProgress, files[0]?.path ?? 'files', 'reading');
        const plan = await prepareCaseInput(
          files.map((f) => virtualFile(f.path, f.bytes)),
          { maxCases: MAX_CASES_PER_DROP },
        );
        // One checkpoint for the job: a cancel lands within 50 ms of work, however small its cases.
        const checkpoint = checkpointFor(signal);
        const gate = progressGate(onProgress);
        const cases: CaseSummary[] = [];
        const refused: CaseSummary[] = [];
        let refusedShown = 0;
        const rejected: FileError[] = plan.rejected.map((issue) => ({
          file: issue.path,
          message: issue.message,
        }));
        try {
          for (const planned of plan.cases) {
            const name = planned.path === '' ? planned.id : planned.path;
            try {
              const result = await analysePlan(planned, {
                name,
                origin: 'files',
                signal,
                checkpoint,
                progressGate: gate,
                onProgress,
              });
              if (!('unreadable' in result)) cases.push(result);
              else if (refusedShown < MAX_REFUSED_CASES_PER_JOB) {
                refusedShown += 1;
                refused.push(refusedSummary(name, result.errors, models.require()));
              } else rejected.push(...result.errors);
            } catch (error) {
              // One case that breaks (out of memory while saving it, a bug) is named, and the job goes
              // on with the others; a cancel or a lost GPU ends the job.
              if (signal.aborted || error instanceof GpuDeviceLostError) throw error;
              rejected.push({ file: name, message: `analysis failed: ${messageOf(error)}` });
            }
          }
        } catch (error) {
          // The page records nothing of a job that ends in an error: remove what it saved so far, or it
          // would lie in IndexedDB with no case in the worklist to reach it.
          await Promise.all(cases.map((c) => deleteResults(c.id)));
          throw error;
        }
        if (plan.cases.length === 0 && rejected.length === 0) {
          rejected.push({
            file: files[0]?.path ?? '(nothing)',
            message: 'no karyogram or crop bundle found',
          });
        }
        return { cases: [...cases, ...refused], rejected };
      });
    },
    analyseSynthetic(jobId, request, onProgress) {
      return withJob(jobId, async (signal) => {
        progressOf(onProgress, request.name, 'generating');
        const files = syntheticKaryogramFiles(request);
        const plan = await prepareCaseInput(files.map((f) => virtualFile(f.path, f.bytes)));
        const planned = plan.cases[0];
        if (!planned) throw new Error('the synthetic karyograms could not be planned');
        const result = await analysePlan(planned, {
          name: request.name,
          origin: request.origin,
          karyotype: request.karyotype,
          files,
          signal,
          onProgress,
        });
        if ('unreadable' in result) {
          throw new Error(
            `the synthetic karyograms could not be analysed: ${result.errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`,
          );
        }
        return result;
      });
    },
    addCells(jobId, caseId, files, onProgress) {
      return withJob(jobId, async (signal) => {
        const stored = await load(caseId);
        if (stored.cellJobs?.includes(jobId)) return { cases: [summaryOf(stored)], rejected: [] };
        progressOf(onProgress, stored.name, 'reading');
        const plan = await prepareCaseInput(files.map((f) => virtualFile(f.path, f.bytes)));
        const rejected = plan.rejected.map((issue) => ({ file: issue.path, message: issue.message }));
        const planned = withFreeCellIds(
          plan.cases.flatMap((c) => c.cells),
          stored.profiled.cells.map((cell) => cell.id),
        );
        if (planned.length === 0) {
          rejected.push({
            file: files[0]?.path ?? '(nothing)',
            message: 'no karyogram or crop bundle found',
          });
          return { cases: [summaryOf(stored)], rejected };
        }
        const newCells = { id: stored.profiled.id, path: '', cells: planned };
        const progress = cellProgress(newCells, stored.name, onProgress);
        const added = await profilePlannedCells(
          newCells,
          progress,
          signal,
          undefined,
          (await models.typeClassifier()) ?? undefined,
        );
        const model = models.require();
        // A copy, saved (and cached) only once scored: a job cut off here leaves the case as it was.
        const updated: StoredCase = {
          ...stored,
          profiled: {
            ...stored.profiled,
            cells: [...stored.profiled.cells, ...added.cells],
            errors: [...stored.profiled.errors, ...added.errors],
          },
          // Only the files of cells that were analysed: a refused file is named in errors, not kept.
          files: [...stored.files, ...(await filesOfAnalysedCells(newCells, added.cells))],
          cellJobs: [...(stored.cellJobs ?? []), jobId],
          details: new Map(stored.details),
          typeErrors: new Map(stored.typeErrors),
        };
        await scoreTypes(model, backendName(model), updated);
        progress.report('saving');
        await save(updated);
        void Promise.resolve(onProgress({ phase: 'done', caseName: stored.name, cells: [] })).catch(
          () => undefined,
        );
        return { cases: [summaryOf(updated)], rejected };
      });
    },
    cancel(jobId) {
      jobs.get(jobId)?.abort(new DOMException('cancelled by the user', 'AbortError'));
    },
    async typeView(caseId, type) {
      const stored = await load(caseId);
      const list = new TransferList();
      // Views need no model: a saved case can be reviewed before (or without) one is loaded.
      const view = typeViewOf(stored, type, stored.regionSamples, list);
      return transfer(view, list.transferables);
    },
    async cellKaryogram(caseId, cell) {
      const stored = await load(caseId);
      const list = new TransferList();
      return transfer(cellKaryogramOf(stored, cell, list, pictureOf(stored, cell)), list.transferables);
    },
    async overview(caseId, cell) {
      const stored = await load(caseId);
      const list = new TransferList();
      return transfer(overviewOf(stored, cell, list), list.transferables);
    },
    async correct(caseId, correction) {
      const stored = await load(caseId);
      const model = models.require();
      const affected = await correctedWith(stored, correction, models);
      const rescored = await scoreTypes(
        model,
        backendName(model),
        stored,
        affected === 'all' ? undefined : affected,
      );
      await save(stored);
      return { summary: summaryOf(stored), rescored };
    },
    async rescore(caseId) {
      const stored = await load(caseId);
      const model = models.require();
      const rescored = await scoreTypes(model, backendName(model), stored);
      await save(stored);
      return { summary: summaryOf(stored), rescored };
    },
    async caseDocument(caseId) {
      const stored = await load(caseId);
      const document = toCaseDocument({
        id: stored.name,
        cells: activeCells(stored),
        types: stored.verdicts,
        scoreShift: stored.scoreShift ?? 0,
        errors: summaryOf(stored).errors,
        details: new Map(),
      });
      return document;
    },
    async deleteCase(caseId) {
      cache.delete(caseId);
      await dbDelete('results', caseId);
    },
  };
}
