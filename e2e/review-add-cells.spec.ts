import { expect, test } from '@playwright/test';
import { shipTestModel } from './support/app-fixtures';
import { ReviewPage } from './support/review-page';
import { syntheticCropZip } from './support/synthetic-files';

test('more cells join a saved case: all types scored again, decisions kept, saved across a reload', async ({
  page,
}) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await app.loadCase([syntheticCropZip('growing', '46,XX', 1, 31)], 'growing');
  await expect(page.locator('.cells tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('few-cells')).toContainText(
    'only one cell scored; HomNet pools the cells of a case, and from fewer than 3 it misses more changes and flags more normal pairs. Add cells… brings in more karyograms or crops of this case.',
  );
  await app.selectType('1');
  await app.decide('normal', 'looked at one cell');
  await expect(app.pairView.getByTestId('audit-trail').locator('li')).toHaveCount(1);

  // Another export of the same case: its cell01 is renamed, cell02 joins as it is.
  await page.getByTestId('add-cells-input').setInputFiles([syntheticCropZip('growing', '46,XX', 2, 32)]);
  await expect(page.locator('.cells tbody tr')).toHaveCount(3, { timeout: 120_000 });
  await expect(page.locator('.cells tbody tr th')).toHaveText(['cell01', 'cell01-2', 'cell02']);
  await expect(page.getByTestId('few-cells')).toHaveCount(0);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2);
  await app.waitForVerdicts();
  // Still at chromosome 1, where the reviewer was.
  await expect(page.locator('#pair-title')).toHaveText('Chromosome 1');
  // Three pair rows now, one per cell, and the decision made on one cell is still in the trail.
  await expect(app.pairView.getByTestId(/^pair-row-/)).toHaveCount(3);
  await expect(app.pairView.getByTestId('audit-trail')).toContainText('looked at one cell');

  await page.reload();
  await app.waitForVerdicts();
  await expect(page.locator('#case-title')).toHaveText('growing');
  await expect(page.locator('.cells tbody tr')).toHaveCount(3);
  await app.selectType('1');
  await expect(app.pairView.getByTestId(/^pair-row-/)).toHaveCount(3);
});

test('a file that is not a cell is named and the case keeps its cells', async ({ page }) => {
  await shipTestModel(page);
  const app = new ReviewPage(page);
  await app.open();
  await app.waitForVerdicts();
  await app.loadCase([syntheticCropZip('kept', '46,XY', 2, 33)], 'kept');
  await page
    .getByTestId('add-cells-input')
    .setInputFiles([
      { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') },
    ]);
  await expect(page.getByTestId('notice')).toContainText('notes.png', { timeout: 60_000 });
  await expect(page.locator('.cells tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('worklist-item')).toHaveCount(2);
});
