import { proxy, transfer } from 'comlink';
import type { ChromosomeType } from '../shared/chromosome-types';
import type {
  CaseSummary,
  Correction,
  InputFile,
  JobProgress,
  SyntheticRequest,
} from '../worker/analysis-api';
import { dbAll, dbDelete, dbGet, dbPut } from '../worker/case-db';
import { analysisWorker, engineReady } from './engine-actions';
import type { CaseRecord, Decision, DecisionValue } from './review-types';
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

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function saveRecord(record: CaseRecord): Promise<void> {
  useAppStore.getState().putCase(record);
  await dbPut('reviews', record.id, record);
}

async function recordAnalysed(summary: CaseSummary): Promise<CaseRecord> {
  const now = new Date().toISOString();
  const record: CaseRecord = { id: summary.id, summary, createdAt: now, updatedAt: now, decisions: [] };
  await saveRecord(record);
  return record;
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

/** Runs a worker job with progress in the store; one job at a time. */
async function runJob<T>(
  label: string,
  run: (jobId: string, onProgress: (p: JobProgress) => void) => Promise<T>,
): Promise<T | null> {
  const state = useAppStore.getState();
  if (state.job) {
    state.setNotice({ kind: 'error', text: 'Another analysis is running; wait for it or cancel it.' });
    return null;
  }
  const model = await engineReady();
  if (!model) {
    state.setNotice({
      kind: 'error',
      text: 'No model is loaded, so nothing can be analysed. See the header.',
    });
    return null;
  }
  const id = crypto.randomUUID();
  state.setJob({ id, label, progress: null });
  state.setNotice(null);
  try {
    return await run(id, (progress) => {
      const job = useAppStore.getState().job;
      if (job?.id === id) useAppStore.getState().setJob({ ...job, progress });
    });
  } catch (error) {
    const cancelled = error instanceof Error && /cancel|abort/i.test(`${error.name} ${error.message}`);
    useAppStore
      .getState()
      .setNotice(
        cancelled
          ? { kind: 'info', text: `${label}: cancelled.` }
          : { kind: 'error', text: `${label}: ${messageOf(error)}` },
      );
    return null;
  } finally {
    useAppStore.getState().setJob(null);
  }
}

export async function analyseSynthetic(request: SyntheticRequest): Promise<CaseRecord | null> {
  const summary = await runJob(request.name, (jobId, onProgress) =>
    analysisWorker().api.analyseSynthetic(jobId, request, proxy(onProgress)),
  );
  if (!summary) return null;
  const record = await recordAnalysed(summary);
  openCase(record.id);
  return record;
}

/** Analyses dropped or picked files; their buffers move to the worker (they are not used here again). */
export async function analyseFiles(files: readonly InputFile[]): Promise<void> {
  if (files.length === 0) return;
  const buffers = files.map((f) => f.bytes.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  const result = await runJob(
    files.length === 1 ? (files[0]?.path ?? 'file') : `${files.length} files`,
    (jobId, onProgress) =>
      analysisWorker().api.analyseFiles(jobId, transfer(files, buffers), proxy(onProgress)),
  );
  if (!result) return;
  let last: CaseRecord | null = null;
  for (const summary of result.cases) last = await recordAnalysed(summary);
  if (last) openCase(last.id);
  const problems = [
    ...result.rejected,
    ...result.cases.flatMap((c) => c.errors.filter((e) => !e.message.startsWith('type '))),
  ];
  if (problems.length > 0) {
    useAppStore.getState().setNotice({
      kind: 'error',
      text: problems.map((p) => `${p.file}: ${p.message}`).join('\n'),
    });
  }
}

export function cancelJob(): void {
  const job = useAppStore.getState().job;
  if (job) void analysisWorker().api.cancel(job.id);
}

/** Appends a decision to the open case's audit trail (never edits an earlier one). */
export async function recordDecision(
  type: ChromosomeType,
  decision: DecisionValue,
  note: string,
): Promise<void> {
  const state = useAppStore.getState();
  const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
  if (!record) return;
  const entry: Decision = {
    type,
    decision,
    note,
    reviewer: state.reviewer.trim() || 'anonymous',
    modelId: record.summary.model.id,
    at: new Date().toISOString(),
  };
  await saveRecord({ ...record, decisions: [...record.decisions, entry], updatedAt: entry.at });
}

/** Applies a correction in the worker; only the affected types are scored again. */
export function applyCorrection(correction: Correction): Promise<void> {
  return rescoreOpenCase('Re-analysing after a correction', (id) =>
    analysisWorker().api.correct(id, correction),
  );
}

/** Scores the open case again with the loaded model (after a new model arrived). */
export function rescoreWithCurrentModel(): Promise<void> {
  return rescoreOpenCase('Re-analysing with the current model', (id) => analysisWorker().api.rescore(id));
}

async function rescoreOpenCase(
  label: string,
  run: (caseId: string) => Promise<{ summary: CaseSummary; rescored: readonly ChromosomeType[] }>,
): Promise<void> {
  const state = useAppStore.getState();
  const record = state.currentCaseId ? state.cases[state.currentCaseId] : undefined;
  if (!record || state.job) return;
  state.setJob({ id: 'correction', label, progress: null });
  try {
    const result = await run(record.id);
    await saveRecord({ ...record, summary: result.summary, updatedAt: new Date().toISOString() });
    useAppStore.getState().setLastRescored(result.rescored);
  } catch (error) {
    useAppStore.getState().setNotice({ kind: 'error', text: `Correction failed: ${messageOf(error)}` });
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
  const records = await dbAll<CaseRecord>('reviews');
  records.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const state = useAppStore.getState();
  state.setWorklist(records);
  const first = records[0];
  if (first) {
    openCase(first.id);
    return;
  }
  if ((await dbGet<boolean>('meta', 'demo-created')) === true) return;
  const demo = await analyseSynthetic(DEMO_REQUEST);
  if (demo) await dbPut('meta', 'demo-created', true);
}
