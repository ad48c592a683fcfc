import * as tf from '@tensorflow/tfjs-core';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { headWidth, METADATA_LENGTH, regionCount, type HomNetArchitecture } from '../../model/architecture';
import { PAIR_MEASURE_COUNT } from '../../model/pair-measures';
import { PROFILE_ROWS } from '../../shared/profile';
import { median } from '../../shared/statistics';

/** A matrix product [batch ×] m×k · k×n, and how many times a patient's forward pass runs it. */
export interface MatmulShape {
  readonly label: string;
  readonly batch: number;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly count: number;
}

/** A shape with its time in this run on the active backend. */
export interface TimedMatmul extends MatmulShape {
  /** Median time of one product. */
  readonly ms: number;
  readonly gflopsPerSecond: number;
}

/**
 * The machine's own limit, measured in the same run as the inference (issue #25): the WASM matmul
 * throughput at the shapes a patient's forward pass uses, and at 512³. Shares of it travel between
 * machines and loads where milliseconds do not.
 */
export interface Yardstick {
  readonly backend: string;
  /** The best throughput of any shape below: the rate no part of the network can beat. */
  readonly peakGflopsPerSecond: number;
  /** What the patient's matmuls alone take, each shape at its own measured time × its count. */
  readonly patientMatmulMs: number;
  readonly shapes: readonly TimedMatmul[];
}

/** Floating-point operations of one product of the shape (a multiply-add is two). */
export const matmulFlops = (shape: MatmulShape): number => 2 * shape.batch * shape.m * shape.k * shape.n;

/**
 * The products one forward pass of `pairs` pairs runs, as forward.ts, cms-block.ts, hom-block.ts and
 * bag-block.ts make them (a test compares them with what tf.profile records), for `bags` bags.
 */
export function modelMatmulShapes(arch: HomNetArchitecture, pairs: number, bags: number): MatmulShape[] {
  const chromosomes = 2 * pairs;
  const nr = regionCount(arch);
  const lr = arch.regionChannels;
  const rows = chromosomes * nr;
  const plain = (label: string, m: number, k: number, n: number, count = 1): MatmulShape => ({
    label,
    batch: 1,
    m,
    k,
    n,
    count,
  });
  const layers = arch.alignmentLayers;
  return [
    plain('CMS merge', rows, PROFILE_ROWS * arch.mergeRange, lr),
    plain('CMS info', chromosomes, METADATA_LENGTH, nr * lr),
    plain('CMS local hidden', rows, lr, 2 * lr),
    plain('CMS local out', rows, 2 * lr, lr),
    plain('CMS global hidden', chromosomes * lr, nr, 2 * nr),
    plain('CMS global out', chromosomes * lr, 2 * nr, nr),
    plain('alignment projections (query, key, value, head, diff)', rows, lr, lr, 5 * layers),
    {
      label: 'attention (scores, weighted values)',
      batch: chromosomes * arch.heads,
      m: nr,
      k: headWidth(arch),
      n: nr,
      count: 2 * layers,
    },
    plain('pair (Eq. 8, both halves)', chromosomes, nr * lr, arch.pairWidth, 2),
    ...(arch.pairMeasures ? [plain('pair measures', pairs, PAIR_MEASURE_COUNT, arch.pairWidth)] : []),
    plain('bag weight hidden', pairs, arch.pairWidth, arch.bagWeightHidden),
    plain('bag weight out', pairs, arch.bagWeightHidden, 1),
    plain('bag pooling', bags, pairs, arch.pairWidth),
    plain('bag out', bags, arch.pairWidth, 1),
  ];
}

/** The general yardstick beside the model's own shapes: one large square product. */
export const SQUARE_512: MatmulShape = { label: '512³', batch: 1, m: 512, k: 512, n: 512, count: 0 };

/** Time (ms) of one product of two tensors on the active backend. */
function timeProduct(a: tf.Tensor, b: tf.Tensor): number {
  const start = performance.now();
  const product = tf.matMul(a, b);
  // WASM runs kernels synchronously; reading the values also waits for an asynchronous backend.
  product.dataSync();
  const ms = performance.now() - start;
  product.dispose();
  return ms;
}

/** Rounds to `digits` decimals, as the bench JSON reports figures. */
const rounded = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** The yardstick's products, timed one round at a time between the inference's runs. */
export interface YardstickTimer {
  /** Times every product once (after a first untimed round that warms the kernels up). */
  round(): void;
  /** Medians of the rounds so far. */
  result(): Yardstick;
  dispose(): void;
}

/**
 * Every product a patient's forward pass runs, and 512³, on the active backend. The bench interleaves its
 * rounds with the patient's runs, so that both see the same load of a shared machine.
 */
export function yardstickTimer(arch: HomNetArchitecture, pairs: number, bags: number): YardstickTimer {
  const shapes = [...modelMatmulShapes(arch, pairs, bags), SQUARE_512];
  const operands = shapes.map((shape) => {
    const leading = shape.batch === 1 ? [] : [shape.batch];
    return [
      tf.randomUniform([...leading, shape.m, shape.k]),
      tf.randomUniform([...leading, shape.k, shape.n]),
    ] as const;
  });
  const samples: number[][] = shapes.map(() => []);
  const timeAll = (): number[] => operands.map(([a, b]) => timeProduct(a, b));
  timeAll();
  return {
    round() {
      timeAll().forEach((ms, i) => samples[i]?.push(ms));
    },
    result() {
      const timed = shapes.map((shape, i) => {
        const ms = median(samples[i] ?? []);
        return { ...shape, ms: rounded(ms, 4), gflopsPerSecond: rounded(matmulFlops(shape) / (ms * 1e6), 2) };
      });
      return {
        backend: tf.getBackend(),
        peakGflopsPerSecond: Math.max(...timed.map((shape) => shape.gflopsPerSecond)),
        patientMatmulMs: rounded(
          timed.reduce((sum, shape) => sum + shape.ms * shape.count, 0),
          2,
        ),
        shapes: timed,
      };
    },
    dispose() {
      tf.dispose(operands.flat());
    },
  };
}

/** The share of the in-run peak a figure of `gflopsPerSecond` reaches (0.25 = a quarter), to 3 decimals. */
export function shareOfPeak(gflopsPerSecond: number, peakGflopsPerSecond: number): number {
  if (!(peakGflopsPerSecond > 0) || !Number.isFinite(gflopsPerSecond)) return Number.NaN;
  return rounded(gflopsPerSecond / peakGflopsPerSecond, 3);
}

/** The machine's 1, 5 and 15 minute load averages, to 2 decimals ([0, 0, 0] where the OS has none). */
export const loadAverage = (): [number, number, number] => {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [rounded(one, 2), rounded(five, 2), rounded(fifteen, 2)];
};
