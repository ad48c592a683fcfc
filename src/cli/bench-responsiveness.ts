import type { Page } from '@playwright/test';
import { encode } from 'fast-png';
import { generateCase } from '../karyotype/synthetic-case';

/** Heartbeat period; a main-thread task of T ms shows as a gap of about T + this between beats. */
const BEAT_MS = 10;

/**
 * Drops a 5-cell synthetic case on the running app and watches the main thread with a 10 ms heartbeat
 * until its verdicts are in (headless Chromium reports no 'longtask' entries, a delayed timer shows the
 * same thing). Returns the longest gap, which bounds the longest main-thread task during the analysis.
 */
export async function mainThreadDuringAnalysis(
  page: Page,
): Promise<{ longestGapMs: number; analysisMs: number }> {
  await page.locator('.type-card[data-verdict]').first().waitFor({ timeout: 120_000 });
  const files = generateCase({ karyotype: '46,XY,del(5)(p14)', cells: 5, level: 400, seed: 21 }).cells.map(
    (cell) => {
      const { width, height, pixels } = cell.karyogram.image;
      return {
        name: `${cell.id}.png`,
        base64: Buffer.from(encode({ width, height, data: pixels, channels: 1, depth: 8 })).toString(
          'base64',
        ),
      };
    },
  );
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      dt.items.add(
        new File([Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))], item.name, {
          type: 'image/png',
        }),
      );
    }
    return dt;
  }, files);
  const gaps = page.evaluate(
    ({ beat }) =>
      new Promise<{ gaps: number[]; ms: number }>((resolve) => {
        const gaps: number[] = [];
        const start = performance.now();
        let last = start;
        const timer = setInterval(() => {
          const now = performance.now();
          gaps.push(now - last);
          last = now;
          if (
            document.querySelectorAll('[data-testid="worklist-item"]').length >= 2 &&
            document.querySelector('.type-card[data-verdict]')
          ) {
            clearInterval(timer);
            resolve({ gaps, ms: now - start });
          }
        }, beat);
      }),
    { beat: BEAT_MS },
  );
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  const result = await gaps;
  return { longestGapMs: Math.round(Math.max(...result.gaps) * 10) / 10, analysisMs: Math.round(result.ms) };
}
