import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';
import { syntheticCropZip } from './support/synthetic-files';
import { writeSyntheticCropFolder } from './support/synthetic-folder';

test('a case folder dropped from the file manager is analysed as one case', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  // The demo case has four cells: enough for the verdicts not to need a word about it.
  await expect(page.getByTestId('few-cells')).toHaveCount(0);
  const folder = writeSyntheticCropFolder(
    mkdtempSync(join(tmpdir(), 'homnet-')),
    'folder-case',
    '46,XX,del(1)(q42)',
    2,
    3,
  );
  const box = await page.getByTestId('drop-zone').boundingBox();
  if (!box) throw new Error('no drop zone');
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  // A drag from the file manager as Chromium receives it (files by path), so the page walks a real
  // directory entry, not a list of files a script assembled.
  const data = { items: [], files: [folder], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
    await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
  }
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('folder-case');
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('few-cells')).toContainText('only two cells scored');
});

test('a case folder chosen with "Pick a folder…" is analysed as one case', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  const folder = writeSyntheticCropFolder(
    mkdtempSync(join(tmpdir(), 'homnet-')),
    'picked-case',
    '46,XY,inv(9)(p12q13)',
    2,
    4,
  );
  // The folder picker hands over every file with its path from the chosen folder's name on.
  await page.getByTestId('folder-input').setInputFiles(folder);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.locator('#case-title')).toHaveText('picked-case');
  await app.waitForVerdicts();
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
});

test('a case dropped while another is being analysed waits its turn and is analysed too', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  // Six cells keep the first job running long enough to drop the second case while it runs.
  await page.getByTestId('file-input').setInputFiles([syntheticCropZip('first-lab', '46,XX', 6, 21)]);
  await expect(page.getByTestId('job-progress')).toBeVisible();
  await page.getByTestId('file-input').setInputFiles([syntheticCropZip('second-lab', '46,XY', 2, 22)]);
  await expect(page.getByTestId('notice')).toContainText('second-lab.zip: queued');
  await expect(page.getByTestId('worklist-item')).toHaveCount(3, { timeout: 120_000 });
  await expect(page.getByTestId('worklist-item').filter({ hasText: 'first-lab' })).toHaveCount(1);
  await expect(page.getByTestId('worklist-item').filter({ hasText: 'second-lab' })).toHaveCount(1);
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
