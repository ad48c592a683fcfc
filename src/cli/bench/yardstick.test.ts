import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flopsPerPair } from '../../model/architecture';
import { forward } from '../../model/forward';
import type { HomNetModel } from '../../model/homnet-model';
import { countPairs, toBatchTensors } from '../../model/inputs';
import { createModel } from '../../model/load-model';
import { benchmarkPatient } from './patient';
import { matmulFlops, modelMatmulShapes, shareOfPeak } from './yardstick';

describe('bench yardstick', () => {
  let model: HomNetModel;
  beforeAll(async () => {
    model = await createModel({ seed: 3, backend: 'wasm' });
  });
  afterAll(() => {
    model.dispose();
  });

  it('lists exactly the matmuls a forward pass runs (tf.profile), shape by shape', async () => {
    const patient = benchmarkPatient(2);
    const pairs = countPairs(patient);
    const batch = toBatchTensors(patient, model.architecture.pairMeasures);
    const info = await tf.profile(() =>
      tf.tidy(() => {
        const out = forward(batch, model.weights, model.architecture, 'sigmoid');
        return [out.logits, out.alphas];
      }),
    );
    tf.dispose([...(info.result as tf.Tensor[]), ...(Object.values(batch) as tf.Tensor[])]);
    const recorded = info.kernels
      .filter((k) => k.name === 'BatchMatMul')
      .map((k) => {
        const [a = [], b = []] = k.inputShapes;
        return a.length === 3 ? `${a[0]}×${a[1]}×${a[2]}×${b[2]}` : `1×${a[0]}×${a[1]}×${b[1]}`;
      })
      .sort();
    const listed = modelMatmulShapes(model.architecture, pairs, patient.length)
      .flatMap((s) => Array.from({ length: s.count }, () => `${s.batch}×${s.m}×${s.k}×${s.n}`))
      .sort();
    expect(listed).toEqual(recorded);
  });

  it('counts about the FLOPs the bench reports per pair (pooling and bag head aside)', () => {
    const arch = model.architecture;
    const total = modelMatmulShapes(arch, 115, 23).reduce((sum, s) => sum + matmulFlops(s) * s.count, 0);
    expect(Math.abs(total / (flopsPerPair(arch) * 115) - 1)).toBeLessThan(0.01);
  });

  it('gives a share of the peak to three decimals, and none against no peak', () => {
    expect(shareOfPeak(5.18, 27.3)).toBe(0.19);
    expect(shareOfPeak(27.3, 27.3)).toBe(1);
    expect(shareOfPeak(5, 0)).toBeNaN();
    expect(shareOfPeak(Number.NaN, 10)).toBeNaN();
  });
});
