/** What the page's WebGPU adapter says about itself (GPUAdapterInfo), as plain values. */
export interface AdapterFacts {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** GPUAdapterInfo.isFallbackAdapter (or the older GPUAdapter.isFallbackAdapter); null when neither exists. */
  readonly isFallbackAdapter: boolean | null;
}

/** The adapter the bench's WebGPU figures ran on, and whether they are a speed claim (issue #25). */
export interface WebGpuAdapterReport extends AdapterFacts {
  /** 'software' (a fallback adapter, SwiftShader, llvmpipe): a correctness path, not a speed claim. */
  readonly kind: 'software' | 'hardware';
}

/** Software when the adapter says it is a fallback, or its names are those of a CPU rasteriser. */
export function describeAdapter(facts: AdapterFacts): WebGpuAdapterReport {
  const names = [facts.vendor, facts.architecture, facts.device, facts.description].join(' ');
  const software =
    facts.isFallbackAdapter === true || /swiftshader|llvmpipe|software|microsoft basic/i.test(names);
  return { ...facts, kind: software ? 'software' : 'hardware' };
}

/**
 * Runs in the page (Playwright's evaluate, so it must not close over anything): the facts of the adapter
 * `navigator.gpu` gives, reading `adapter.info` and, where only that exists, `requestAdapterInfo()`.
 */
export async function probeAdapterInPage(): Promise<AdapterFacts | null> {
  const gpu = (navigator as { gpu?: GPU }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  // Chromium before 127 had only requestAdapterInfo(); isFallbackAdapter moved from the adapter to its info.
  const legacy = adapter as unknown as {
    readonly info?: GPUAdapterInfo & { readonly isFallbackAdapter?: boolean };
    readonly isFallbackAdapter?: boolean;
    readonly requestAdapterInfo?: () => Promise<GPUAdapterInfo & { readonly isFallbackAdapter?: boolean }>;
  };
  const info = legacy.info ?? (await legacy.requestAdapterInfo?.());
  if (!info) return null;
  const fromInfo = (info as { readonly isFallbackAdapter?: boolean }).isFallbackAdapter;
  const fallback = fromInfo ?? legacy.isFallbackAdapter;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device: info.device,
    description: info.description,
    isFallbackAdapter: typeof fallback === 'boolean' ? fallback : null,
  };
}
