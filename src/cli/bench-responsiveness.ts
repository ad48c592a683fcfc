import type { JSHandle, Page } from '@playwright/test';
import { encode } from 'fast-png';
import { generateCase } from '../karyotype/synthetic-case';

/** Heartbeat period; a main-thread task of T ms shows as a gap of about T + this between beats. */
const BEAT_MS = 10;

/** What the page's main thread did while a job ran. */
export interface MainThreadWatch {
  /** Longest gap between heartbeats, ms: bounds the longest main-thread task. */
  readonly longestGapMs: number;
  /** From the start of the watch until the new case was in the worklist with verdicts, ms. */
  readonly analysisMs: number;
  /** Distinct "k of n cells" progress texts the job panel showed, in order. */
  readonly progress: readonly string[];
}

/**
 * Starts a 10 ms heartbeat on the page's main thread, runs `start` (which hands the page its files), and
 * waits until the worklist holds `worklistItems` cases and verdicts show. Headless Chromium reports no
 * 'longtask' entries; a delayed timer shows the same thing.
 */
export async function watchMainThread(
  page: Page,
  start: () => Promise<void>,
  worklistItems: number,
): Promise<MainThreadWatch> {
  const watch = page.evaluate(
    ({ beat, items }) =>
      new Promise<{ gaps: number[]; ms: number; progress: string[] }>((resolve) => {
        const gaps: number[] = [];
        const progress: string[] = [];
        const begin = performance.now();
        let last = begin;
        const timer = setInterval(() => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          const text = /\d+ of \d+ cells/.exec(
            document.querySelector('[data-testid="job-progress"]')?.textContent ?? '',
          )?.[0];
          if (text !== undefined && progress.at(-1) !== text) progress.push(text);
          if (
            document.querySelectorAll('[data-testid="worklist-item"]').length >= items &&
            document.querySelector('.type-card[data-verdict]') &&
            !document.querySelector('[data-testid="job-progress"]')
          ) {
            clearInterval(timer);
            resolve({ gaps, ms: now - begin, progress });
          }
        }, beat);
      }),
    { beat: BEAT_MS, items: worklistItems },
  );
  await start();
  const result = await watch;
  return {
    longestGapMs: Math.round(Math.max(...result.gaps) * 10) / 10,
    analysisMs: Math.round(result.ms),
    progress: result.progress,
  };
}

/** Karyogram PNGs as Playwright's setInputFiles takes them. */
export function karyogramFiles(
  karyotype: string,
  cells: number,
  seed: number,
  size?: { width: number; height: number },
): { name: string; mimeType: string; buffer: Buffer }[] {
  return generateCase({ karyotype, cells, level: 400, seed, ...size }).cells.map((cell) => {
    const { width, height, pixels } = cell.karyogram.image;
    return {
      name: `${cell.id}.png`,
      mimeType: 'image/png',
      buffer: Buffer.from(encode({ width, height, data: pixels, channels: 1, depth: 8 })),
    };
  });
}

/**
 * Builds the browser's DataTransfer of `files` in the page ahead of time, so that the watch that follows
 * sees the app at work and not the test harness decoding base64 into Files.
 */
export function prepareDrop(
  page: Page,
  files: readonly { name: string; mimeType: string; buffer: Buffer }[],
): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
  return page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
}

/** Drops a prepared DataTransfer on the app's drop zone. */
export async function drop(page: Page, transfer: JSHandle<DataTransfer>): Promise<void> {
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Hands a 5-cell synthetic case to the running app and watches the main thread until its verdicts are
 * in. Returns the longest heartbeat gap, which bounds the longest main-thread task during the analysis.
 */
export async function mainThreadDuringAnalysis(
  page: Page,
): Promise<{ longestGapMs: number; analysisMs: number }> {
  await page.locator('.type-card[data-verdict]').first().waitFor({ timeout: 120_000 });
  const transfer = await prepareDrop(page, karyogramFiles('46,XY,del(5)(p14)', 5, 21));
  const { longestGapMs, analysisMs } = await watchMainThread(page, () => drop(page, transfer), 2);
  return { longestGapMs, analysisMs };
}
