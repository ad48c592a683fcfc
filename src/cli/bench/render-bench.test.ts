import { describe, expect, it } from 'vitest';
import type { InferenceProfile } from '../../model/inference-profile';
import type { BenchReport } from './run-bench';
import { renderBench, renderBenchJson } from './render-bench';

const PROFILE: InferenceProfile = {
  backend: 'wasm',
  pairs: 115,
  pairMeasuresMs: 12.5,
  dataPreparationMs: 0.25,
  forwardMs: 45,
  readBackMs: 0.5,
  unpackMs: 2,
  kernels: [
    { category: 'dense matmuls', ms: 30, kernels: 23 },
    { category: 'attention softmax', ms: 2.125, kernels: 4 },
  ],
  kernelMs: 32.125,
  kernelTimesAvailable: true,
};

const NODE_ONLY: BenchReport = {
  inference: {
    backend: 'wasm',
    model: 'homnet-abc',
    pairs: 115,
    runs: 3,
    patientMs: 61.25,
    scoresOnlyPatientMs: 40.5,
    pairsPerSecond: 1877.55,
    flopsPerPair: 5_640_000,
    gflopsPerSecond: 10.59,
    targetPatientMs: 80,
    shareOfPeak: 0.353,
    scoresOnlyShareOfPeak: 0.534,
    profile: PROFILE,
  },
  yardstick: {
    backend: 'wasm',
    peakGflopsPerSecond: 30,
    patientMatmulMs: 21.5,
    shapes: [
      { label: 'CMS merge', batch: 1, m: 3680, k: 64, n: 64, count: 1, ms: 1.1, gflopsPerSecond: 27.45 },
      { label: 'attention', batch: 920, m: 16, k: 16, n: 16, count: 4, ms: 5, gflopsPerSecond: 1.51 },
      { label: '512³', batch: 1, m: 512, k: 512, n: 512, count: 0, ms: 8.95, gflopsPerSecond: 30 },
    ],
  },
  loadAverage: [1.5, 2.25, 2],
  imaging: {
    karyogramMs: 87.1,
    source: '100955NVG.017.K.BMP',
    chromosomes: 46,
    targetKaryogramMs: 100,
    steps: {
      decodeMs: 3.5,
      polarityMs: 1.25,
      layoutMs: 30,
      profilesMs: 50,
      bandLevelMs: 2,
      detail: {
        layout: { threshold: 4.5, components: 3, unmarked: 22.5 },
        profiles: { thinning: 6, 'profile sampling': 12.25, unmarked: 31.75 },
      },
    },
  },
  metaphase: {
    source: 'tseng 10419/104191.jpg',
    objects: 47,
    arrangeMs: 640.5,
    segmentationMs: 210,
    profilesMs: 380.25,
    classifyMs: 45,
    classifier: 'type-classifier-0123456789ab',
    targetMs: 1000,
  },
};

describe('bench output', () => {
  it('prints each hostile input with its time, peak memory and whether it kept within the budget', () => {
    const text = renderBench({
      ...NODE_ONLY,
      hostileInputs: [
        { name: 'lying JPEG', cells: 0, firstError: 'big.jpg: declares too much', ms: 17, peakRssMb: 95 },
        { name: 'big page', cells: 1, firstError: null, ms: 31_000, peakRssMb: 900 },
      ],
    });
    expect(text).toContain(
      'hostile input, lying JPEG: decided in 17 ms at 95 MB peak (within the 30 s / 1536 MB budget); 0 cells analysed, first refusal: big.jpg: declares too much\n',
    );
    expect(text).toContain(
      'hostile input, big page: decided in 31000 ms at 900 MB peak (OVER the 30 s / 1536 MB budget); 1 cells analysed\n',
    );
  });

  it('prints one line per Node measurement with its figures', () => {
    expect(renderBench(NODE_ONLY)).toBe(
      'inference (wasm, 115 pairs): 61.25 ms per patient with attention maps, 40.5 ms scores only; ' +
        '1877.55 pairs/s; 5.64 MFLOP per pair, 10.59 GFLOP/s (target ≤ 80 ms)\n' +
        'share of the in-run peak (30 GFLOP/s): 35.3 % with attention maps, 53.4 % scores only; ' +
        "the patient's matmuls alone take 21.5 ms; load average 1.5 2.25 2\n" +
        'yardstick (wasm): 3680×64×64 27.45 GFLOP/s (CMS merge, ×1); 920 × 16×16×16 1.51 GFLOP/s (attention, ×4); ' +
        '512×512×512 30 GFLOP/s\n' +
        'profile (wasm, 115 pairs, ms): pair measures 12.50, data preparation 0.25, forward 45.00, read-back 0.50, ' +
        'unpacking 2.00; kernels 32.13: dense matmuls 30.00, attention softmax 2.13\n' +
        'imaging (100955NVG.017.K.BMP): 87.1 ms per karyogram, 46 chromosomes (target ≤ 100 ms); ' +
        'decode 3.5, polarity 1.25, layout 30, profiles 50, band level 2 ms\n' +
        'imaging layout by step (ms): threshold 4.5, components 3, unmarked 22.5\n' +
        'imaging profiles by step (ms, all chromosomes): thinning 6, profile sampling 12.25, unmarked 31.75\n' +
        'metaphase without annotation (tseng 10419/104191.jpg, 47 objects, classifier type-classifier-0123456789ab): ' +
        '640.5 ms arranged (target ≤ 1000 ms); segmentation 210, profiles 380.25, classifier and assignment 45 ms\n',
    );
  });

  it('adds the browser lines: main thread, cases in a row, worker inference', () => {
    const text = renderBench({
      ...NODE_ONLY,
      browser: {
        inference: [
          { backend: 'webgpu', tfBackend: 'webgpu', adapter: 'SwiftShader', patientMs: 900, runs: 3 },
          { backend: 'wasm', tfBackend: 'wasm', adapter: null, patientMs: 120, runs: 3 },
        ],
        mainThread: {
          longestGapMs: 42,
          longestGapDuringJobMs: 17,
          longestGapAfterJobMs: 42,
          analysisMs: 2500,
          settleMs: 300,
        },
        manyCases: [
          {
            backend: 'wasm',
            tfBackend: 'wasm',
            cases: 12,
            cellsPerCase: 3,
            msPerCase: 310,
            checkpoints: [
              {
                case: 4,
                numTensors: 96,
                numBytes: 1024,
                numBytesInGPU: null,
                heapUsedBytes: 3 * 2 ** 20,
                backingStorageBytes: 2 ** 19,
              },
            ],
          },
        ],
      },
    });
    expect(text).toContain('longest task ≤ 42 ms (17 during the job, 42 after; 10 ms heartbeat');
    expect(text).toContain('2500 ms to verdicts, drawn 300 ms later\n');
    expect(text).toContain(
      '12 cases in a row (wasm, 310 ms each): case 4: 96 tensors, 1024 B, heap 3.00 MB, buffers 0.50 MB\n',
    );
    expect(text).toContain('chromium worker, webgpu (SwiftShader): 900 ms per patient\n');
    expect(text).toContain('chromium worker, wasm: 120 ms per patient\n');
    expect(text).not.toContain('big case');
  });

  it('names the WebGPU adapter, software or hardware, and prints the worker profile', () => {
    const text = renderBench({
      ...NODE_ONLY,
      browser: {
        inference: [
          {
            backend: 'webgpu',
            tfBackend: 'webgpu',
            adapter: 'google / swiftshader',
            adapterInfo: {
              vendor: 'google',
              architecture: 'swiftshader',
              device: '',
              description: '',
              isFallbackAdapter: true,
              kind: 'software',
            },
            patientMs: 900,
            runs: 3,
            profile: { ...PROFILE, backend: 'webgpu', kernelMs: 0, kernelTimesAvailable: false },
          },
        ],
        mainThread: {
          longestGapMs: 42,
          longestGapDuringJobMs: 17,
          longestGapAfterJobMs: 42,
          analysisMs: 2500,
          settleMs: 300,
        },
      },
    });
    expect(text).toContain(
      'chromium worker, webgpu (google / swiftshader), software adapter (google / swiftshader, isFallbackAdapter true): 900 ms per patient\n',
    );
    expect(text).toContain(
      'chromium worker profile (webgpu, 115 pairs, ms): pair measures 12.50, data preparation 0.25, forward 45.00, ' +
        'read-back 0.50, unpacking 2.00; kernels 0.00: kernel times not available on this backend\n',
    );
  });

  it('prints the JSON of formats.md with the required keys', () => {
    const json = JSON.parse(renderBenchJson(NODE_ONLY)) as BenchReport;
    expect(json.inference).toMatchObject({ backend: 'wasm', pairsPerSecond: 1877.55, patientMs: 61.25 });
    expect(json.imaging.karyogramMs).toBe(87.1);
    expect(json.inference.shareOfPeak).toBe(0.353);
    expect(json.yardstick.peakGflopsPerSecond).toBe(30);
    expect(json.loadAverage).toEqual([1.5, 2.25, 2]);
  });
});
