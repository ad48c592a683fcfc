import type { BackendPreference } from '../model';
import type { WorkerClient } from '../worker/client';
import { startWorker } from '../worker/client';
import { useAppStore } from './store';

let client: WorkerClient | null = null;

/** The page's one analysis worker, started on first use. */
export function analysisWorker(): WorkerClient {
  client ??= startWorker();
  return client;
}

/** Starts the worker's backend and records which one runs (and why) for the header. */
export async function startEngine(preference: BackendPreference = 'auto'): Promise<void> {
  const { setEngine } = useAppStore.getState();
  setEngine({ phase: 'starting' });
  try {
    const worker = analysisWorker();
    const backend = await worker.api.selectBackend(preference);
    const status = await worker.api.status();
    setEngine({ phase: 'ready', backend, model: status?.model ?? null });
  } catch (error) {
    setEngine({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
