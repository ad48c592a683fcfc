import * as tf from '@tensorflow/tfjs-core';

/** What this app reads of tfjs-backend-webgpu's WebGPUBackend (its `device` is public API). */
interface WebGpuBackendLike {
  readonly device: GPUDevice;
}

/**
 * The GPUDevice behind the active tfjs backend, or null when tfjs does not run on WebGPU. tfjs never
 * watches `device.lost` itself, so whoever owns the backend must (see worker/health-service.ts).
 */
export function activeGpuDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const backend: unknown = tf.backend();
  return (backend as WebGpuBackendLike).device;
}
