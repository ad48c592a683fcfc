import { describe, expect, it } from 'vitest';
import { describeAdapter } from './webgpu-adapter';

const facts = { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: null };

describe('WebGPU adapter in the bench', () => {
  it('calls an adapter software when it says it is a fallback, whatever its names', () => {
    expect(describeAdapter({ ...facts, vendor: 'nvidia', isFallbackAdapter: true }).kind).toBe('software');
  });

  it('calls SwiftShader and llvmpipe software even when the fallback flag is missing', () => {
    expect(describeAdapter({ ...facts, vendor: 'google', architecture: 'swiftshader' }).kind).toBe(
      'software',
    );
    expect(describeAdapter({ ...facts, description: 'llvmpipe (LLVM 15.0.7, 256 bits)' }).kind).toBe(
      'software',
    );
  });

  it('calls a named GPU that is no fallback hardware, and keeps its facts', () => {
    const report = describeAdapter({
      ...facts,
      vendor: 'apple',
      architecture: 'metal-3',
      isFallbackAdapter: false,
    });
    expect(report).toEqual({
      ...facts,
      vendor: 'apple',
      architecture: 'metal-3',
      isFallbackAdapter: false,
      kind: 'hardware',
    });
  });
});
