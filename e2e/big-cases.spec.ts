import { expect, test } from '@playwright/test';
import { drop, karyogramFiles, prepareDrop, watchMainThread } from '../src/cli/bench/responsiveness';
import { largestRendererRssBytes, peakWhile, TabMemory } from '../src/cli/bench/tab-memory';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';

const GB = 1024 ** 3;

test('two 3000×2400 karyograms: progress cell by cell, both analysed, tab memory well under 1.5 GB', async ({
  page,
  browser,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  const transfer = await prepareDrop(
    page,
    karyogramFiles('46,XY,del(5)(p14)', 2, 77, { width: 3000, height: 2400 }),
  );
  const memory = await TabMemory.attach(browser, page);
  const js = peakWhile(async () => (await memory.sample()).totalBytes);
  const rss = peakWhile(() => largestRendererRssBytes(browser), 500);
  // The watch's timings go to `npm run bench`; here only what the progress panel said is checked.
  const watch = await watchMainThread(page, () => drop(page, transfer), 2);
  const peakJs = await js.stop();
  const peakRss = await rss.stop();
  await memory.detach();

  expect(watch.progress).toEqual(['0 of 2 cells', '1 of 2 cells', '2 of 2 cells']);
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
  expect(await page.locator('.cells tbody tr td:first-of-type').allInnerTexts()).toEqual(['46', '46']);
  await expect(app.typeCard('5')).toHaveAttribute('data-verdict', /normal|abnormal/);
  // Page and worker JS (heaps and ArrayBuffers) were measured, and stayed far below the tab budget.
  expect(peakJs).toBeGreaterThan(10 * 1024 ** 2);
  expect(peakJs).toBeLessThan(0.75 * GB);
  // The renderer process holds everything else too (WASM memory, canvases); Linux only.
  if (peakRss !== null) expect(peakRss).toBeLessThan(1.5 * GB);
});
