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

/**
 * Whether the active backend's GPU device is gone, asked of the device itself: mapping a tiny buffer
 * fails on a lost device and succeeds on a live one. (`device.lost` may settle much later than the
 * failure it caused.) Null when the device is live or tfjs does not run on WebGPU.
 */
export async function probeGpuDeviceLoss(): Promise<string | null> {
  const device = activeGpuDevice();
  if (!device) return null;
  const probe = device.createBuffer({ size: 4, usage: GPUBufferUsage.MAP_READ });
  try {
    await probe.mapAsync(GPUMapMode.READ);
    probe.unmap();
    return null;
  } catch (error) {
    return error instanceof Error && error.message ? error.message : 'the GPU device was lost';
  } finally {
    probe.destroy();
  }
}
