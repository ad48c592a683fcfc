import type { ModelInfo } from '../model/homnet-model';
import type { WorkerClient, WorkerLoss } from '../worker/client';
import type { ModelSource } from '../worker/model-api';
import { useAppStore } from './store';
import { errorText } from '../shared/error-text';

/**
 * Brings a replacement worker up on WASM (the one backend that needs no GPU) with the model the lost
 * worker had, and says so in the header: results are only as good as what made them.
 */
export async function restartOnWasm(
  worker: WorkerClient,
  source: ModelSource,
  loss: WorkerLoss,
): Promise<ModelInfo | null> {
  const { setEngine } = useAppStore.getState();
  const recovery = `The analysis engine stopped (${loss.message}) and was restarted on WASM.`;
  setEngine({ phase: 'starting' });
  try {
    const status = await worker.call((api) => api.loadModel(source, 'wasm'));
    setEngine({
      phase: 'ready',
      backend: status.backend,
      model: status.model,
      typeClassifier: status.typeClassifier,
      recovery,
    });
    return status.model;
  } catch (error) {
    setEngine({ phase: 'failed', message: `${recovery} Then: ${errorText(error)}` });
    return null;
  }
}
