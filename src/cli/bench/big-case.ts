import type { Browser } from '@playwright/test';
import { drop, karyogramFiles, prepareDrop, WATCH_MARK, watchMainThread } from './responsiveness';
import { traceTasks, type TraceTasks } from './trace-tasks';
import { largestRendererRssBytes, peakWhile, TabMemory } from './tab-memory';

/** Issue #7 "big cases": many full-resolution cells through the real app in one job. */
export interface BigCaseBench {
  /** The app's backend for the job (WASM: imaging and memory are the point, not SwiftShader speed). */
  readonly backend: string;
  readonly cells: number;
  readonly width: number;
  readonly height: number;
  /** Pixels per cell. */
  readonly pixels: number;
  /** Cells that came out with chromosomes (a failed cell would make the timing meaningless). */
  readonly cellsAnalysed: number;
  /** From handing over the files to verdicts on screen, ms. */
  readonly totalMs: number;
  readonly msPerCell: number;
  /** During the job and while its results were drawn; bounded by the 10 ms heartbeat; target ≤ 50 ms. */
  readonly longestMainThreadTaskMs: number;
  /** The same, only while the job ran (progress panel up). */
  readonly longestTaskDuringJobMs: number;
  /** The same, only from the verdicts until the page's DOM stopped changing. */
  readonly longestTaskAfterJobMs: number;
  /** From the verdicts until the page's DOM stopped changing (pair view and thumbnails drawn), ms. */
  readonly settleMs: number;
  /** "k of n cells" texts the progress panel showed. */
  readonly progressUpdates: number;
  /** Largest page + worker JS heap and ArrayBuffer backing stores seen (CDP, every 250 ms), MB. */
  readonly peakTabJsMB: number;
  /** Largest resident size of the tab's renderer process (Linux /proc), MB; target < 1536. */
  readonly peakRendererRssMB: number | null;
  /** With a trace: the page's main-thread tasks from the drop until the results were drawn. */
  readonly trace?: TraceTasks;
}

const MB = 1024 * 1024;

/** What Chromium records with `tracePath`: main-thread tasks, layout/paint and JS samples. */
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/**
 * Drops `cells` synthetic karyograms of `width` × `height` px on a fresh app page and measures the job:
 * time, main-thread responsiveness and tab memory. The page must have a shipped model to load. With
 * `tracePath`, a Chromium performance trace of the job is written there and its main-thread tasks are
 * measured by wall and CPU time (tracing slows the page a little, which the heartbeat then shows too).
 */
export async function benchBigCase(
  browser: Browser,
  url: string,
  cells = 20,
  tracePath?: string,
  width = 3000,
  height = 2400,
): Promise<BigCaseBench> {
  const files = karyogramFiles('46,XY,del(5)(p14)', cells, 77, { width, height });
  const page = await browser.newPage();
  try {
    await page.goto(`${url}?backend=wasm`);
    await page.locator('.type-card[data-verdict]').first().waitFor({ timeout: 180_000 });
    const transfer = await prepareDrop(page, files);
    const memory = await TabMemory.attach(browser, page);
    const js = peakWhile(async () => (await memory.sample()).totalBytes);
    const rss = peakWhile(() => largestRendererRssBytes(browser), 500);
    if (tracePath !== undefined)
      await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
    const watch = await watchMainThread(page, () => drop(page, transfer), 2);
    if (tracePath !== undefined) await browser.stopTracing();
    const peakJs = await js.stop();
    const peakRss = await rss.stop();
    await memory.detach();
    const trace = tracePath === undefined ? undefined : await traceTasks(tracePath, WATCH_MARK);
    const counts = await page.locator('.cells tbody tr td:first-of-type').allInnerTexts();
    return {
      backend: 'wasm',
      cells,
      width,
      height,
      pixels: width * height,
      cellsAnalysed: counts.filter((text) => Number(text) > 0).length,
      totalMs: watch.analysisMs,
      msPerCell: Math.round(watch.analysisMs / cells),
      longestMainThreadTaskMs: watch.longestGapMs,
      longestTaskDuringJobMs: watch.longestGapDuringJobMs,
      longestTaskAfterJobMs: watch.longestGapAfterJobMs,
      settleMs: watch.settleMs,
      progressUpdates: watch.progress.length,
      peakTabJsMB: Math.round((peakJs ?? 0) / MB),
      peakRendererRssMB: peakRss === null ? null : Math.round(peakRss / MB),
      ...(trace ? { trace } : {}),
    };
  } finally {
    await page.close();
  }
}
