import { proxy } from 'comlink';
import type { FineTuneProgress, FineTuneRequest } from '../worker/finetune-api';
import { analysisWorker, engineReady } from './engine-actions';
import { defaultPicks, fineTuneCandidates } from './finetune-cases';
import { refreshLabModels, switchModel } from './model-actions';
import { useAppStore } from './store';
import { errorText } from '../shared/error-text';

/** Jobs the lab asked to stop. */
const cancelRequested = new Set<string>();

/** The case ids fine-tuning would use now: the lab's pick, or the default one. */
export function pickedCaseIds(): string[] {
  const state = useAppStore.getState();
  const candidates = fineTuneCandidates(state.cases);
  const usable = new Set(candidates.filter((c) => c.usable).map((c) => c.id));
  return (state.fineTunePicks ?? defaultPicks(candidates)).filter((id) => usable.has(id));
}

export function togglePick(caseId: string, picked: boolean): void {
  const current = pickedCaseIds();
  const next = picked ? [...new Set([...current, caseId])] : current.filter((id) => id !== caseId);
  useAppStore.getState().setFineTunePicks(next);
}

/**
 * Fine-tunes a copy of the loaded model in the worker on the picked cases (with their reviewed labels)
 * and waits there for the lab's decision. The model in use does not change.
 */
export async function startFineTune(): Promise<void> {
  const state = useAppStore.getState();
  if (state.fineTuneJob.phase === 'running') return;
  const parent = await engineReady();
  if (!parent) {
    state.setFineTuneJob({
      phase: 'failed',
      message: 'No model is loaded, so there is nothing to fine-tune.',
    });
    return;
  }
  const candidates = new Map(fineTuneCandidates(state.cases).map((c) => [c.id, c]));
  const request: FineTuneRequest = {
    cases: pickedCaseIds().map((caseId) => ({ caseId, labels: candidates.get(caseId)?.labels ?? {} })),
    settings: state.fineTuneSettings,
  };
  const jobId = crypto.randomUUID();
  const parentId = state.engine.phase === 'ready' ? (state.engine.model?.id ?? parent.id) : parent.id;
  state.setFineTuneJob({ phase: 'running', jobId, progress: null });
  const onProgress = (progress: FineTuneProgress): void => {
    const job = useAppStore.getState().fineTuneJob;
    if (job.phase === 'running' && job.jobId === jobId)
      useAppStore.getState().setFineTuneJob({ ...job, progress });
  };
  try {
    const result = await analysisWorker().call((api) => api.fineTune(jobId, request, proxy(onProgress)));
    useAppStore.getState().setFineTuneJob({ phase: 'done', result, parentId });
  } catch (error) {
    // Cancelled only when the lab asked: WebGPU reports some failures as AbortErrors too.
    const cancelled = cancelRequested.has(jobId) && error instanceof Error && error.name === 'AbortError';
    useAppStore
      .getState()
      .setFineTuneJob(
        cancelled
          ? { phase: 'idle' }
          : { phase: 'failed', message: `Fine-tuning failed: ${errorText(error)}` },
      );
    if (cancelled) useAppStore.getState().setModelsNotice({ kind: 'info', text: 'Fine-tuning cancelled.' });
  } finally {
    cancelRequested.delete(jobId);
  }
}

export function cancelFineTune(): void {
  const job = useAppStore.getState().fineTuneJob;
  if (job.phase !== 'running') return;
  cancelRequested.add(job.jobId);
  void analysisWorker().api.cancelFineTune(job.jobId);
}

/** Keeps the fine-tuned model among the lab's models; with `use`, also makes it the model in use. */
export async function keepCandidate(use: boolean): Promise<void> {
  const state = useAppStore.getState();
  try {
    const model = await analysisWorker().call((api) => api.keepCandidate());
    state.setFineTuneJob({ phase: 'idle' });
    await refreshLabModels();
    if (use) await switchModel(model.id);
    else state.setModelsNotice({ kind: 'info', text: `Kept ${model.id}; the model in use is unchanged.` });
  } catch (error) {
    state.setModelsNotice({ kind: 'error', text: errorText(error) });
  }
}

export async function discardCandidate(): Promise<void> {
  await analysisWorker().call((api) => api.discardCandidate());
  useAppStore.getState().setFineTuneJob({ phase: 'idle' });
  useAppStore.getState().setModelsNotice({ kind: 'info', text: 'The fine-tuned model was discarded.' });
}
