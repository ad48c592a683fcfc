import type { ChromosomeType } from '../shared/chromosome-types';
import type { CaseSummary, Correction, InputFile, SyntheticRequest } from '../worker/analysis-api';
import { dbDelete, dbEntries, dbGet, dbPut } from '../worker/case-db';
import { analysisWorker, engineReady } from './engine-actions';
import { errorText } from '../shared/error-text';
import { MAX_JOB_ATTEMPTS, newJob, runJob, withJobLock } from './job-runner';
import { caseToOpen, outcomeRecords, problemsNotice } from './job-outcome';
import { putReviewsAtOnce } from './put-reviews-at-once';
import type { JobInput, JobOutcome, PendingJob } from './pending-jobs';
import { clearPendingJob, pendingJobs } from './pending-jobs';
import { checkCaseRecord } from './record-check';
import type { CaseRecord, CorrectionEntry, Decision, DecisionValue } from './review-types';
import { correctionText } from './correction-text';
import { REVIEWER_NEEDED } from './reviewer-name';
import { useAppStore } from './store';

/** The demo opened on first start: a deletion of 5p in 4 seeded synthetic cells. */
export const DEMO_REQUEST: SyntheticRequest = {
  name: 'Demo 46,XY,del(5)(p14)',
  origin: 'demo',
  karyotype: '46,XY,del(5)(p14)',
  cells: 4,
  level: 400,
  seed: 20240805,
};

/** Writes the record, then shows it: nothing appears saved on screen before IndexedDB has committed it. */
async function saveRecord(record: CaseRecord): Promise<void> {
  await dbPut('reviews', record.id, record);
  useAppStore.getState().putCase(record);
}

/** Opens a case and selects its most suspicious type (the highest score). */
export function openCase(id: string): void {
  const state = useAppStore.getState();
  const record = state.cases[id];
  state.openCase(id);
  state.setScreen('case');
  const scored = (record?.summary.types ?? []).filter((t) => t.score !== null);
  const top = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  if (record && record.openedAt === undefined)
    void saveRecord({ ...record, openedAt: new Date().toISOString() });
  // The highest score is a flagged type whenever any type is flagged (flagged = score ≥ threshold).
  state.selectType(top?.type ?? record?.summary.types[0]?.type ?? null);
  state.selectCell(null);
}

/**
 * Puts a finished job's cases in the worklist, all in one IndexedDB transaction and one update of the
 * worklist (one per case made recording a big batch quadratic), opens the last analysed one and names
 * every file it could not use.
 */
async function recordOutcome(outcome: JobOutcome, jobId: string): Promise<void> {
  const records = outcomeRecords(outcome.cases, jobId, new Date().toISOString());
  if (records.length > 0) {
    await putReviewsAtOnce(records);
    useAppStore.getState().putCases(records);
  }
  const open = caseToOpen(records);
  if (open) openCase(open.id);
  const notice = problemsNotice([
    ...outcome.rejected,
    ...outcome.cases.flatMap((c) => c.errors.filter((e) => !e.message.startsWith('type '))),
  ]);
  if (notice !== null) useAppStore.getState().setNotice({ kind: 'error', text: notice });
}

/**
 * Puts the case that a job added cells to back in the worklist with its new verdicts, keeping its
 * decisions, and names every file of the job it could not use.
 */
async function recordCellsAdded(outcome: JobOutcome, caseId: string, jobId: string): Promise<void> {
  const record = useAppStore.getState().cases[caseId];
  const summary = outcome.cases[0];
  if (!record) {
    // Deleted while its cells were being added: the worker saved the results again, so remove them.
    await analysisWorker()
      .api.deleteCase(caseId)
      .catch(() => undefined);
    return;
  }
  if (summary) {
    await saveRecord({ ...record, summary, updatedAt: new Date().toISOString(), jobId });
    // The reviewer stays where they are: on this case, at the type they were looking at (its view
    // reloads with the new cells), or on another case they opened meanwhile.
    if (useAppStore.getState().currentCaseId === null) openCase(caseId);
  }
  const known = new Set(record.summary.errors.map((e) => `${e.file}\n${e.message}`));
  const notice = problemsNotice([
    ...outcome.rejected,
    ...(summary?.errors ?? []).filter(
      (e) => !e.message.startsWith('type ') && !known.has(`${e.file}\n${e.message}`),
    ),
  ]);
  if (notice !== null) useAppStore.getState().setNotice({ kind: 'error', text: notice });
}

/** What a finished job does with its outcome: new cases, or new cells of a saved one. */
function finisher(job: PendingJob): (outcome: JobOutcome) => Promise<void> {
  const { input } = job;
  return input.kind === 'add-cells'
    ? (outcome) => recordCellsAdded(outcome, input.caseId, job.id)
    : (outcome) => recordOutcome(outcome, job.id);
}

function analyse(input: JobInput): Promise<boolean> {
  const job = newJob(input);
  useAppStore.getState().setNotice(null);
  return withJobLock(job.id, () => runJob(job, finisher(job)));
}

export function analyseSynthetic(request: SyntheticRequest): Promise<boolean> {
  return analyse({ kind: 'synthetic', label: request.name, request });
}

/** Analyses dropped or picked files; their buffers move to the worker (they are not used here again). */
export async function analyseFiles(files: readonly InputFile[]): Promise<void> {
  if (files.length === 0) return;
  const label = files.length === 1 ? (files[0]?.path ?? 'file') : `${files.length} files`;
  await analyse({ kind: 'files', label, files });
}

/**
 * Analyses more cells of the open case (karyograms, crop folders or a zip) and scores it again over all
 * its cells; its decisions stay. Nothing happens for a case without images (imported from JSON).
 */
export async function addCellsToOpenCase(files: readonly InputFile[]): Promise<void> {
  const state = useAppStore.getState();
  const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
  if (!record || !record.summary.hasImages || files.length === 0) return;
  const what = files.length === 1 ? (files[0]?.path ?? 'file') : `${files.length} files`;
  await analyse({
    kind: 'add-cells',
    label: `${record.summary.name}: adding ${what}`,
    caseId: record.id,
    files,
  });
}

/**
 * Runs again the jobs a closed tab (or a crash) cut off, unless another open tab is running them. A job
 * that was cut off too often is given up and named, so that a file that kills the tab cannot loop.
 */
async function resumePendingJobs(): Promise<void> {
  for (const job of await pendingJobs()) {
    const label = job.input.label;
    if (job.attempts >= MAX_JOB_ATTEMPTS) {
      await clearPendingJob(job.id);
      useAppStore.getState().setNotice({
        kind: 'error',
        text: `${label}: the analysis was cut off ${job.attempts} times and was given up; add the files again to retry.`,
      });
      continue;
    }
    // Closed after its results were written but before it was marked done: nothing to run again.
    if (Object.values(useAppStore.getState().cases).some((c) => c.jobId === job.id)) {
      await clearPendingJob(job.id);
      continue;
    }
    const finished = await withJobLock(job.id, () => runJob(job, finisher(job)));
    if (finished && useAppStore.getState().notice === null) {
      useAppStore.getState().setNotice({
        kind: 'info',
        text: `${label}: the analysis was interrupted (the page was closed) and has been run again.`,
      });
    }
  }
}

export function cancelJob(): void {
  const job = useAppStore.getState().job;
  if (job) void analysisWorker().api.cancel(job.id);
}

/**
 * Appends a decision to the open case's audit trail (never edits an earlier one), with the note typed
 * for it, signed with the reviewer's name: without a name it is refused (REVIEWER_NEEDED) rather than
 * signed "anonymous".
 */
export async function recordDecision(
  type: ChromosomeType,
  decision: DecisionValue,
  note: string = useAppStore.getState().decisionNote,
): Promise<void> {
  const state = useAppStore.getState();
  const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
  if (!record) return;
  const reviewer = state.reviewer.trim();
  if (reviewer === '') throw new Error(REVIEWER_NEEDED);
  const entry: Decision = {
    type,
    decision,
    note,
    reviewer,
    modelId: record.summary.model.id,
    at: new Date().toISOString(),
  };
  await saveRecord({ ...record, decisions: [...record.decisions, entry], updatedAt: entry.at });
  // The note went with this decision; the next one starts blank.
  if (useAppStore.getState().decisionNote === note) useAppStore.getState().setDecisionNote('');
}

/**
 * Applies a correction in the worker (only the affected types are scored again) and appends it to the
 * case's audit trail, signed with the reviewer's name when one is given. Resolves to whether it was applied.
 */
export function applyCorrection(correction: Correction): Promise<boolean> {
  return rescoreOpenCase(
    'Re-analysing after a correction',
    (id) => analysisWorker().call((api) => api.correct(id, correction)),
    (rescored, summary): CorrectionEntry => ({
      types: rescored,
      text: correctionText(correction),
      correction,
      reviewer: useAppStore.getState().reviewer.trim(),
      modelId: summary.model.id,
      at: new Date().toISOString(),
    }),
  );
}

/** Scores the open case again with the loaded model (after a new model arrived). */
export function rescoreWithCurrentModel(): Promise<boolean> {
  return rescoreOpenCase('Re-analysing with the current model', (id) =>
    analysisWorker().call((api) => api.rescore(id)),
  );
}

async function rescoreOpenCase(
  label: string,
  run: (caseId: string) => Promise<{ summary: CaseSummary; rescored: readonly ChromosomeType[] }>,
  trailEntry?: (rescored: readonly ChromosomeType[], summary: CaseSummary) => CorrectionEntry,
): Promise<boolean> {
  const state = useAppStore.getState();
  const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
  if (!record) return false;
  if (state.job) {
    state.setNotice({ kind: 'info', text: `${label}: wait until "${state.job.label}" has finished.` });
    return false;
  }
  state.setJob({ id: 'correction', label, progress: null });
  try {
    // A saved case is reviewed before the model has loaded (after a reload, say): a correction clicked
    // then waits for it rather than failing with "no model is loaded".
    await engineReady();
    const result = await run(record.id);
    // The record as it is now (a decision may have been saved meanwhile), with the new verdicts.
    const current = useAppStore.getState().cases[record.id] ?? record;
    const entry = trailEntry?.(result.rescored, result.summary);
    await saveRecord({
      ...current,
      summary: result.summary,
      updatedAt: new Date().toISOString(),
      ...(entry ? { corrections: [...(current.corrections ?? []), entry] } : {}),
    });
    useAppStore.getState().setLastRescored(result.rescored);
    return true;
  } catch (error) {
    useAppStore.getState().setNotice({ kind: 'error', text: `Correction failed: ${errorText(error)}` });
    return false;
  } finally {
    useAppStore.getState().setJob(null);
  }
}

export async function deleteCase(id: string): Promise<void> {
  useAppStore.getState().removeCase(id);
  await dbDelete('reviews', id);
  await analysisWorker()
    .api.deleteCase(id)
    .catch(() => undefined);
}

let loading: Promise<void> | null = null;

/** Loads the saved worklist; on the very first start, analyses the demo case without being asked. */
export function loadWorklist(): Promise<void> {
  loading ??= load();
  return loading;
}

async function load(): Promise<void> {
  const records: CaseRecord[] = [];
  const skipped: string[] = [];
  for (const { key, value } of await dbEntries('reviews')) {
    try {
      records.push(checkCaseRecord(value));
    } catch (error) {
      skipped.push(`saved review "${key}" was skipped: ${errorText(error)}`);
    }
  }
  records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const state = useAppStore.getState();
  state.setWorklist(records);
  if (skipped.length > 0) state.setNotice({ kind: 'error', text: skipped.join('\n') });
  const first = records[0];
  if (first) openCase(first.id);
  await resumePendingJobs();
  if (records.length > 0 || (await dbGet<boolean>('meta', 'demo-created')) === true) return;
  // Marked before the run: a demo cut off by a closed tab is resumed as a pending job, not made twice.
  // Without a model the run only says so, and the demo waits for a later start.
  if (await engineReady()) await dbPut('meta', 'demo-created', true);
  await analyseSynthetic(DEMO_REQUEST);
}
