import type { JSHandle, Page } from '@playwright/test';
import { encode } from 'fast-png';
import { generateCase } from '../../karyotype/synthetic-case';

/** Heartbeat period; a main-thread task of T ms shows as a gap of about T + this between beats. */
const BEAT_MS = 10;

/**
 * After the job's verdicts show, the watch goes on until the page's element count has not changed for
 * this long (the open case's pair view and thumbnails mount after the verdicts), at most SETTLE_CAP_MS.
 */
const SETTLE_MS = 1000;
const SETTLE_CAP_MS = 15_000;

/** The user-timing mark the watch sets when it starts (a trace's tasks are counted from it). */
export const WATCH_MARK = 'homnet-bench-watch';

/** What the page's main thread did while a job ran and while its results were put on screen. */
export interface MainThreadWatch {
  /** Longest gap between heartbeats, ms, during and after the job: bounds the longest main-thread task. */
  readonly longestGapMs: number;
  /** The same from the drop until the verdicts showed (the job itself), ms. */
  readonly longestGapDuringJobMs: number;
  /** The same from the verdicts until the page settled (the results being drawn), ms. */
  readonly longestGapAfterJobMs: number;
  /** From the start of the watch until the new case was in the worklist with verdicts, ms. */
  readonly analysisMs: number;
  /** From the verdicts until the page's DOM stopped changing, ms. */
  readonly settleMs: number;
  /** Distinct "k of n cells" progress texts the job panel showed, in order. */
  readonly progress: readonly string[];
}

/**
 * Starts a 10 ms heartbeat on the page's main thread, runs `start` (which hands the page its files), and
 * waits until the worklist holds `worklistItems` cases and verdicts show, then until the page's DOM has
 * stopped changing (the results drawn). Headless Chromium reports no 'longtask' entries; a delayed timer
 * shows the same thing.
 */
export async function watchMainThread(
  page: Page,
  start: () => Promise<void>,
  worklistItems: number,
): Promise<MainThreadWatch> {
  const watch = page.evaluate(
    ({ beat, items, settle, cap, mark }) =>
      new Promise<{ during: number[]; after: number[]; ms: number; settleMs: number; progress: string[] }>(
        (resolve) => {
          performance.mark(mark);
          const during: number[] = [];
          const after: number[] = [];
          const progress: string[] = [];
          const begin = performance.now();
          // A live collection: its length is cheap to read every beat.
          const elements = document.getElementsByTagName('*');
          let last = begin;
          let doneAt: number | null = null;
          let count = elements.length;
          let changedAt = begin;
          const timer = setInterval(() => {
            const now = performance.now();
            (doneAt === null ? during : after).push(now - last);
            last = now;
            if (elements.length !== count) {
              count = elements.length;
              changedAt = now;
            }
            if (doneAt !== null) {
              if ((now - changedAt >= settle && now - doneAt >= settle) || now - doneAt >= cap) {
                clearInterval(timer);
                resolve({ during, after, ms: doneAt - begin, settleMs: changedAt - doneAt, progress });
              }
              return;
            }
            const text = /\d+ of \d+ cells/.exec(
              document.querySelector('[data-testid="job-progress"]')?.textContent ?? '',
            )?.[0];
            if (text !== undefined && progress.at(-1) !== text) progress.push(text);
            if (
              document.querySelectorAll('[data-testid="worklist-item"]').length >= items &&
              document.querySelector('.type-card[data-verdict]') &&
              !document.querySelector('[data-testid="job-progress"]')
            ) {
              doneAt = now;
              changedAt = now;
            }
          }, beat);
        },
      ),
    { beat: BEAT_MS, items: worklistItems, settle: SETTLE_MS, cap: SETTLE_CAP_MS, mark: WATCH_MARK },
  );
  await start();
  const result = await watch;
  const longest = (gaps: readonly number[]): number => Math.round(Math.max(0, ...gaps) * 10) / 10;
  return {
    longestGapMs: longest([...result.during, ...result.after]),
    longestGapDuringJobMs: longest(result.during),
    longestGapAfterJobMs: longest(result.after),
    analysisMs: Math.round(result.ms),
    settleMs: Math.round(Math.max(0, result.settleMs)),
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
 * sees the app at work and not the test harness decoding base64 into Files; then collects the page's
 * garbage (tens of MB of base64 strings), so that the app's watch does not pay for the harness's GC.
 */
export async function prepareDrop(
  page: Page,
  files: readonly { name: string; mimeType: string; buffer: Buffer }[],
): Promise<JSHandle<DataTransfer>> {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, base64: f.buffer.toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return transfer;
}

/** Drops a prepared DataTransfer on the app's drop zone. */
export async function drop(page: Page, transfer: JSHandle<DataTransfer>): Promise<void> {
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

/**
 * Hands a 5-cell synthetic case to the running app and watches the main thread until its verdicts are
 * in and drawn. The longest heartbeat gap bounds the longest main-thread task during and after the job.
 */
export async function mainThreadDuringAnalysis(page: Page): Promise<Omit<MainThreadWatch, 'progress'>> {
  await page.locator('.type-card[data-verdict]').first().waitFor({ timeout: 120_000 });
  const transfer = await prepareDrop(page, karyogramFiles('46,XY,del(5)(p14)', 5, 21));
  const { progress: _progress, ...watch } = await watchMainThread(page, () => drop(page, transfer), 2);
  return watch;
}
