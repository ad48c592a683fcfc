import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared/random';
import { BackendUnavailableError, useBackend } from './backend';
import { createModel } from './load-model';
import { testBag } from './testing/synthetic-bags';

describe('HomNet backends in Node', () => {
  it('gives the same predictions on the CPU and WASM backends', async () => {
    const random = createRandom(12);
    const bags = [testBag(random, '6', 2, true), testBag(random, '19', 3, false)];
    const onWasm = await createModel({ seed: 8, backend: 'wasm' });
    const wasmResults = await onWasm.predict(bags);
    onWasm.dispose();
    const onCpu = await createModel({ seed: 8, backend: 'cpu' });
    const cpuResults = await onCpu.predict(bags);
    expect(onCpu.backend.name).toBe('cpu');
    cpuResults.forEach((r, i) => {
      expect(Math.abs(r.probability - (wasmResults[i]?.probability ?? 0))).toBeLessThan(1e-4);
      const a = r.pairs[0]?.attention[1]?.[2]?.oneToTwo ?? [];
      const b = wasmResults[i]?.pairs[0]?.attention[1]?.[2]?.oneToTwo ?? [];
      a.forEach((v, j) => {
        expect(Math.abs(v - (b[j] ?? 0))).toBeLessThan(1e-4);
      });
    });
    onCpu.dispose();
  });

  it('never swaps the backend behind a loaded model', async () => {
    const model = await createModel({ seed: 2, backend: 'wasm' });
    await useBackend('cpu');
    await expect(model.predict([testBag(createRandom(1), '1', 1, false)])).rejects.toThrow(
      /was loaded on wasm but tfjs now runs cpu/,
    );
    model.dispose();
  });

  it('refuses a backend this runtime lacks instead of falling back', async () => {
    await expect(useBackend('webgpu')).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(useBackend('webgpu')).rejects.toThrow(/webgpu backend is not available here/);
  });

  it("chooses WASM on 'auto' when there is no GPU adapter, and says why", async () => {
    const choice = await useBackend('auto');
    expect(choice).toEqual({ name: 'wasm', reason: 'no WebGPU adapter in this runtime' });
  });
});
