import type { GrayImage } from '../../shared/gray-image';
import { analyseKaryogram } from './analyse-karyogram';

/** Timing of {@link analyseKaryogram} on one image, milliseconds. */
export interface AnalysisTiming {
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
}

/**
 * Times the whole karyogram analysis (layout, profiles, band level) on one image: `warmup` untimed runs
 * (JIT), then the median of `runs` timed ones. For `npm run bench` (`imaging.karyogramMs`), not tests.
 */
export async function timeKaryogramAnalysis(image: GrayImage, runs = 9, warmup = 3): Promise<AnalysisTiming> {
  for (let i = 0; i < warmup; i++) await analyseKaryogram(image);
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const start = performance.now();
    await analyseKaryogram(image);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, minMs: times[0] ?? 0, runs: times.length };
}
