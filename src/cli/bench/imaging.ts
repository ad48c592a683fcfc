import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { decodeImage } from '../../imaging/decode/decode-image';
import { normalisePolarity } from '../../imaging/decode/polarity';
import { analyseKaryogram } from '../../imaging/profile/analyse-karyogram';
import { generateCase } from '../../karyotype/synthetic-case';
import type { GrayImage } from '../../shared/gray-image';
import { median } from '../../shared/statistics';

/** The benchmark's karyogram: the real 1017×896 BMP when ../shared/data is there, else a synthetic one of that size. */
export const BENCH_KARYOGRAM = new URL(
  '../../../../shared/data/karyograms/100955NVG.017.K.BMP',
  import.meta.url,
);

async function benchImage(): Promise<{ image: GrayImage; bytes: Uint8Array | null; source: string }> {
  try {
    const bytes = new Uint8Array(await readFile(BENCH_KARYOGRAM));
    const page = decodeImage('100955NVG.017.K.BMP', bytes)[0];
    if (page) return { image: page.image, bytes, source: '100955NVG.017.K.BMP' };
  } catch {
    // Fall through to a synthetic karyogram of the same size.
  }
  const synthetic = generateCase({
    karyotype: '46,XX',
    cells: 1,
    level: 400,
    seed: 1,
    width: 1017,
    height: 896,
  });
  const cell = synthetic.cells[0];
  if (!cell) throw new Error('the synthetic benchmark karyogram has no cell');
  return { image: cell.karyogram.image, bytes: null, source: 'synthetic 46,XX 1017×896' };
}

/** Median time (ms) of decode + polarity + layout + profiles + band level for one karyogram. */
export async function benchKaryogram(
  runs: number,
): Promise<{ karyogramMs: number; source: string; chromosomes: number }> {
  const { image, bytes, source } = await benchImage();
  let chromosomes = 0;
  const once = async (): Promise<void> => {
    const decoded = bytes ? (decodeImage(source, bytes)[0]?.image ?? image) : image;
    const analysis = await analyseKaryogram(normalisePolarity(decoded).image);
    chromosomes = analysis.chromosomes.length;
  };
  await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return { karyogramMs: Math.round(median(times) * 100) / 100, source, chromosomes };
}
