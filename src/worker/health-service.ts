import { activeGpuDevice } from '../model/gpu-device';
import type { GpuLostMessage, HealthWorkerApi } from './health-api';

/** The dedicated worker's own scope (typed by hand: this file is also type-checked with the DOM lib). */
const scope = globalThis as unknown as { postMessage(message: unknown): void; close(): void };

/**
 * Holds the worker's life lock and watches its GPU device (see health-api.ts). `watchGpuDevice` is
 * called by the model service after every backend change.
 */
export function createHealthService(): { api: HealthWorkerApi; watchGpuDevice: () => void } {
  const watched = new WeakSet<GPUDevice>();
  const watchGpuDevice = (): void => {
    const device = activeGpuDevice();
    if (!device || watched.has(device)) return;
    watched.add(device);
    void device.lost.then((info) => {
      const message: GpuLostMessage = {
        homnetHealth: 'gpu-lost',
        reason: info.message || `the GPU device was lost (${info.reason})`,
      };
      // The same port as comlink's answers, so the page hears of the loss before any later answer.
      scope.postMessage(message);
    });
  };
  const api: HealthWorkerApi = {
    holdLifeLock(name) {
      return new Promise((held) => {
        void navigator.locks.request(name, () => {
          held();
          // Never settles: the lock goes only with the worker.
          return new Promise<never>(() => undefined);
        });
      });
    },
    simulateFault(fault) {
      if (fault === 'crash') scope.close();
      else activeGpuDevice()?.destroy();
    },
  };
  return { api, watchGpuDevice };
}
