import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export const BACKEND_NAMES = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
/** 'auto' takes WebGPU on a real GPU adapter, else WASM. */
export type BackendPreference = BackendName | 'auto';

/** Which backend runs the model and why; shown to the user, never changed behind their back. */
export interface BackendChoice {
  readonly name: BackendName;
  readonly reason: string;
  /** The WebGPU adapter when one was asked for (vendor / architecture / device). */
  readonly adapter?: string;
}

export interface BackendOptions {
  /**
   * Where the tfjs WASM binaries are served from (browser builds). A prefix ending in '/', or a map
   * from binary file name to URL. In Node the package finds its own files and this is not needed.
   */
  readonly wasmPaths?: string | Readonly<Record<string, string>>;
}

/** Thrown when the caller's backend cannot run here; we never fall back silently. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: BackendName,
    reason: string,
  ) {
    super(`The ${backend} backend is not available here: ${reason}`);
    this.name = 'BackendUnavailableError';
  }
}

interface AdapterProbe {
  readonly real: boolean;
  readonly description: string;
}

/** Asks for a WebGPU adapter and tells whether it is a real GPU or a software one (SwiftShader). */
async function probeWebGpuAdapter(): Promise<AdapterProbe | null> {
  const gpu = typeof navigator === 'undefined' ? undefined : (navigator as { gpu?: GPU }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const info = adapter.info;
  const description = [info.vendor, info.architecture, info.device, info.description]
    .filter(Boolean)
    .join(' / ');
  const fallback = (info as { isFallbackAdapter?: boolean }).isFallbackAdapter ?? false;
  const software = /swiftshader|llvmpipe|software/i.test(description);
  return { real: !fallback && !software, description: description || 'unnamed adapter' };
}

/** tfjs types say a factory always exists; at run time it is null until a backend package registers. */
function isRegistered(name: BackendName): boolean {
  const factory: unknown = tf.findBackendFactory(name);
  return factory !== null && factory !== undefined;
}

async function registerBackend(name: BackendName): Promise<void> {
  // WebGPU and WebGL are imported only when asked for: they register kernels for browsers and would
  // only add weight (and noise) to Node runs.
  if (name === 'webgpu' && !isRegistered('webgpu')) await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'webgl' && !isRegistered('webgl')) await import('@tensorflow/tfjs-backend-webgl');
}

async function activate(name: BackendName, options: BackendOptions): Promise<void> {
  await registerBackend(name);
  if (name === 'webgpu') {
    const gpu = typeof navigator === 'undefined' ? undefined : (navigator as { gpu?: GPU }).gpu;
    if (!gpu) throw new BackendUnavailableError(name, 'this runtime has no navigator.gpu');
    if (!isRegistered('webgpu')) throw new BackendUnavailableError(name, 'tfjs did not register it');
  }
  if (name === 'wasm' && options.wasmPaths !== undefined) setWasmPaths(options.wasmPaths);
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (error) {
    throw new BackendUnavailableError(name, error instanceof Error ? error.message : String(error));
  }
  if (!ok || tf.getBackend() !== name) throw new BackendUnavailableError(name, 'initialisation failed');
  await tf.ready();
}

/**
 * Makes `preference` the active tfjs backend of this JS realm (tfjs has one per realm) and reports it.
 * An explicit backend that cannot start throws BackendUnavailableError; only 'auto' chooses.
 */
export async function useBackend(
  preference: BackendPreference,
  options: BackendOptions = {},
): Promise<BackendChoice> {
  if (preference !== 'auto') {
    const probe = preference === 'webgpu' ? await probeWebGpuAdapter() : null;
    await activate(preference, options);
    return probe
      ? { name: preference, reason: 'requested', adapter: probe.description }
      : { name: preference, reason: 'requested' };
  }
  const probe = await probeWebGpuAdapter();
  if (probe?.real) {
    await activate('webgpu', options);
    return { name: 'webgpu', reason: 'a GPU adapter is available', adapter: probe.description };
  }
  await activate('wasm', options);
  const reason = probe
    ? `WebGPU adapter "${probe.description}" is software, WASM is faster`
    : 'no WebGPU adapter in this runtime';
  return { name: 'wasm', reason };
}

/** The backend tfjs is running now. */
export function activeBackend(): BackendName {
  const name = tf.getBackend();
  if (!(BACKEND_NAMES as readonly string[]).includes(name))
    throw new Error(`unexpected tfjs backend "${name}"`);
  return name as BackendName;
}
