import { expect, test } from '@playwright/test';
import { encode } from 'fast-png';
import { zipSync } from 'fflate';
import { jpegClaimingSize, tiffSharingOneStrip } from '../src/imaging/fixtures/hostile-files.node.js';
import { shipTestModel } from './support/app-fixtures';
import { dropFiles } from './support/drop-files';
import { storeKeys } from './support/indexeddb';
import { ReviewPage } from './support/review-page';
import { syntheticKaryograms, type FilePayload } from './support/synthetic-files';

/** The archive: 2,047 entries of 1 MB of zeros each (2 GB inflated) in about 2 MB. */
function heavyZip(): FilePayload {
  const megabyte = new Uint8Array(1024 * 1024);
  const entries: Record<string, [Uint8Array, { level: 9 }]> = {};
  for (let i = 0; i < 2047; i++) entries[`heavy/cell-${i}.png`] = [megabyte, { level: 9 }];
  return { name: 'heavy.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

/** `folders` case folders of one tiny white image each: no karyogram in any. */
function junkFolders(folders: number): FilePayload {
  const tiny = encode({ width: 8, height: 8, data: new Uint8Array(64).fill(255), channels: 1, depth: 8 });
  const entries: Record<string, Uint8Array> = {};
  for (let i = 0; i < folders; i++) entries[`junk-${i}/a.png`] = tiny;
  return { name: 'junk.zip', mimeType: 'application/zip', buffer: Buffer.from(zipSync(entries)) };
}

test('a 2 MB zip of 2,047 × 1 MB entries and 1,990 junk folders among a good karyogram: the good case is kept, the rest refused by name, nothing orphaned', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  const demoId = (await storeKeys(page, 'results'))[0];
  const heavy = heavyZip();
  expect(heavy.buffer.length).toBeLessThan(4_000_000);

  await dropFiles(page, [...syntheticKaryograms('46,XY', 1, 5), heavy, junkFolders(1990)]);
  // The demo, the good case, the heavy folder (refused: none of its first 200 "cells" is an image) and
  // 19 junk folders listed as refused: at most 20 refused inputs per job reach the worklist.
  await expect(page.getByTestId('worklist-item')).toHaveCount(22, { timeout: 240_000 });
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('2,047 cells in one case');
  await expect(notice).toContainText(/… and [\d,]+ more files could not be used/);
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('worklist-item').filter({ hasText: 'refused' })).toHaveCount(20);

  // Only analysed cases have results in the worker's store: the refused ones have nothing to show.
  const results = await storeKeys(page, 'results');
  expect(results).toHaveLength(2);
  expect(results).toContain(demoId);
  await page.reload();
  await expect(page.getByTestId('worklist-item')).toHaveCount(22);
});

test('small files that declare gigapixels are refused by name in the app, and the karyogram dropped with them is analysed', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open('?backend=wasm');
  await app.waitForVerdicts();
  const bomb = Buffer.from(tiffSharingOneStrip(256, 6000, 6000));
  expect(bomb.length).toBeLessThan(100_000);
  await dropFiles(page, [
    ...syntheticKaryograms('46,XY', 1, 6),
    { name: 'bomb.tif', mimeType: 'image/tiff', buffer: bomb },
    { name: 'lying.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegClaimingSize(20_000, 5_000)) },
  ]);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('bomb.tif: its 256 pages hold 9,216 Mpx together, above the limit', {
    timeout: 120_000,
  });
  await expect(notice).toContainText('lying.jpg: declares 20000×5000 pixels (100 Mpx), above the limit');
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(1);
  await expect(page.locator('.cells tbody tr td').first()).toHaveText('46');
});
